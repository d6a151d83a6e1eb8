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
 */
public record InboxConfig(int maxBodyBytes, String externalScheme, Duration maxSkew, int maxAttempts, Duration lease,
                          Duration pollInterval) {

    public static InboxConfig defaults() {
        return new InboxConfig(1024 * 1024, "", Duration.ofHours(1), 5, Duration.ofMinutes(5), Duration.ofSeconds(1));
    }

    public static InboxConfig create(Config config) {
        InboxConfig d = defaults();
        return new InboxConfig(config.get("max-body-bytes").asInt().orElse(d.maxBodyBytes()),
                config.get("external-scheme").asString().orElse(d.externalScheme()),
                config.get("max-clock-skew").as(Duration.class).orElse(d.maxSkew()),
                config.get("max-attempts").asInt().orElse(d.maxAttempts()),
                config.get("lease").as(Duration.class).orElse(d.lease()),
                config.get("poll-interval").as(Duration.class).orElse(d.pollInterval()));
    }
}
