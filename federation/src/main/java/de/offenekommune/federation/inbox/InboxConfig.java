package de.offenekommune.federation.inbox;

import java.time.Duration;

import io.helidon.common.config.Config;

/**
 * Inbox settings (config node {@code federation.inbox}).
 *
 * @param maxBodyBytes    {@code max-body-bytes}: larger posts get 413 (default 1 MiB, as Mastodon)
 * @param externalScheme  {@code external-scheme}: the scheme senders used when a TLS proxy sits in front
 *                        ("https"); empty to take the request's own
 * @param maxSkew         {@code max-clock-skew}: signature Date/created window (default PT1H)
 * @param maxAttempts     {@code max-attempts}: handler runs before an activity is given up (default 5)
 * @param lease           {@code lease}: how long a dispatcher holds a stored activity (default PT5M)
 * @param pollInterval    {@code poll-interval} (default PT1S)
 * @param busy            {@code max-concurrent}, {@code queue-wait}, {@code retry-after}: back-pressure
 */
public record InboxConfig(int maxBodyBytes, String externalScheme, Duration maxSkew, int maxAttempts, Duration lease,
                          Duration pollInterval, BackPressure busy) {

    /**
     * How many posts the inboxes work on at once ({@code max-concurrent}, default 32), how long a
     * further one waits for a turn ({@code queue-wait}, default PT0.1S), and what it is told when the
     * wait is over: 503 with {@code Retry-After} ({@code retry-after}, default PT10S, whole seconds).
     * Excess load is refused quickly instead of queuing until senders time out.
     */
    public record BackPressure(int maxConcurrent, Duration queueWait, Duration retryAfter) {
        public static BackPressure defaults() {
            return new BackPressure(32, Duration.ofMillis(100), Duration.ofSeconds(10));
        }
    }

    public static InboxConfig defaults() {
        return new InboxConfig(1024 * 1024, "", Duration.ofHours(1), 5, Duration.ofMinutes(5), Duration.ofSeconds(1),
                BackPressure.defaults());
    }

    public static InboxConfig create(Config config) {
        InboxConfig d = defaults();
        BackPressure b = d.busy();
        return new InboxConfig(config.get("max-body-bytes").asInt().orElse(d.maxBodyBytes()),
                config.get("external-scheme").asString().orElse(d.externalScheme()),
                config.get("max-clock-skew").as(Duration.class).orElse(d.maxSkew()),
                config.get("max-attempts").asInt().orElse(d.maxAttempts()),
                config.get("lease").as(Duration.class).orElse(d.lease()),
                config.get("poll-interval").as(Duration.class).orElse(d.pollInterval()),
                new BackPressure(config.get("max-concurrent").asInt().orElse(b.maxConcurrent()),
                        config.get("queue-wait").as(Duration.class).orElse(b.queueWait()),
                        config.get("retry-after").as(Duration.class).orElse(b.retryAfter())));
    }

    public InboxConfig withBackPressure(BackPressure value) {
        return new InboxConfig(maxBodyBytes, externalScheme, maxSkew, maxAttempts, lease, pollInterval, value);
    }

    /** The same settings with another external scheme (the node sets it from its base URL). */
    public InboxConfig withExternalScheme(String scheme) {
        return new InboxConfig(maxBodyBytes, scheme, maxSkew, maxAttempts, lease, pollInterval, busy);
    }
}
