package de.offenekommune.federation.fetch;

import java.time.Duration;

import io.helidon.common.config.Config;

/**
 * Limits for every outbound request (config node {@code federation.fetch}).
 *
 * @param addressPolicy   {@code allow-private-addresses} / {@code allow-loopback} (both false by default)
 * @param maxBodyBytes    {@code max-body-bytes}: larger responses are refused (default 1 MiB)
 * @param connectTimeout  {@code connect-timeout} (default PT5S)
 * @param readTimeout     {@code read-timeout} (default PT10S)
 * @param maxRedirects    {@code max-redirects} (default 3), each hop checked again
 * @param cacheTtl        {@code cache-ttl}: how long fetched actors and objects are reused (default PT10M)
 * @param userAgent       {@code user-agent}
 */
public record FetchConfig(AddressPolicy addressPolicy, int maxBodyBytes, Duration connectTimeout, Duration readTimeout,
                          int maxRedirects, Duration cacheTtl, String userAgent) {

    public static FetchConfig defaults() {
        return new FetchConfig(AddressPolicy.publicOnly(), 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(10),
                3, Duration.ofMinutes(10), "OffeneKommune/0.1 (+https://offenekommune.de)");
    }

    public static FetchConfig create(Config config) {
        FetchConfig d = defaults();
        return new FetchConfig(
                new AddressPolicy(config.get("allow-private-addresses").asBoolean().orElse(false),
                        config.get("allow-loopback").asBoolean().orElse(false)),
                config.get("max-body-bytes").asInt().orElse(d.maxBodyBytes()),
                config.get("connect-timeout").as(Duration.class).orElse(d.connectTimeout()),
                config.get("read-timeout").as(Duration.class).orElse(d.readTimeout()),
                config.get("max-redirects").asInt().orElse(d.maxRedirects()),
                config.get("cache-ttl").as(Duration.class).orElse(d.cacheTtl()),
                config.get("user-agent").asString().orElse(d.userAgent()));
    }

    public FetchConfig withAddressPolicy(AddressPolicy policy) {
        return new FetchConfig(policy, maxBodyBytes, connectTimeout, readTimeout, maxRedirects, cacheTtl, userAgent);
    }
}
