package de.offenekommune.federation.delivery;

import java.time.Duration;

import io.helidon.common.config.Config;

/**
 * Delivery queue settings (config node {@code federation.delivery}).
 *
 * @param concurrency          {@code concurrency}: deliveries in flight per process (default 32)
 * @param perHostConcurrency   {@code per-host-concurrency}: in flight to one host, over all processes (default 4)
 * @param lease                {@code lease}: how long a claimed delivery stays with its worker (default PT5M);
 *                             after that a crashed worker's deliveries go to another
 * @param pollInterval         {@code poll-interval}: idle wait between queue polls (default PT1S)
 * @param retry                {@code max-attempts}, {@code first-retry}, {@code max-retry-delay}
 * @param unavailableAfterDays {@code unavailable-after-days}: failures on this many different days mark a host
 *                             unavailable (default 7, as Mastodon)
 */
public record DeliveryConfig(int concurrency, int perHostConcurrency, Duration lease, Duration pollInterval,
                             RetrySchedule retry, int unavailableAfterDays) {

    public static DeliveryConfig defaults() {
        return new DeliveryConfig(32, 4, Duration.ofMinutes(5), Duration.ofSeconds(1), RetrySchedule.defaults(), 7);
    }

    public static DeliveryConfig create(Config config) {
        DeliveryConfig d = defaults();
        RetrySchedule r = d.retry();
        return new DeliveryConfig(
                config.get("concurrency").asInt().orElse(d.concurrency()),
                config.get("per-host-concurrency").asInt().orElse(d.perHostConcurrency()),
                config.get("lease").as(Duration.class).orElse(d.lease()),
                config.get("poll-interval").as(Duration.class).orElse(d.pollInterval()),
                new RetrySchedule(config.get("first-retry").as(Duration.class).orElse(r.first()),
                        config.get("max-retry-delay").as(Duration.class).orElse(r.cap()),
                        config.get("max-attempts").asInt().orElse(r.maxAttempts())),
                config.get("unavailable-after-days").asInt().orElse(d.unavailableAfterDays()));
    }
}
