package de.offenekommune.federation.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after the n-th failed attempt wait
 * {@code min(1 min * 2^(n-1), 24 h)}; give up after {@code maxAttempts} attempts. With the defaults
 * (16 attempts) the waits are 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024 minutes, then four times
 * 24 hours: the last attempt comes about 5.4 days after the first, a little longer than Mastodon's
 * ~3 days so that a town's server that is down over a long weekend still gets everything.
 */
public record RetrySchedule(Duration first, Duration cap, int maxAttempts) {

    public static RetrySchedule defaults() {
        return new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(24), 16);
    }

    /** The wait after {@code failedAttempts} attempts have failed, or empty when it is time to give up. */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        int exponent = Math.min(failedAttempts - 1, 30);
        Duration delay = first.multipliedBy(1L << Math.max(exponent, 0));
        return Optional.of(delay.compareTo(cap) > 0 ? cap : delay);
    }

    /** The time from the first attempt to the last one. */
    public Duration totalSpan() {
        Duration total = Duration.ZERO;
        for (int n = 1; n < maxAttempts; n++) {
            total = total.plus(delayAfter(n).orElseThrow());
        }
        return total;
    }
}
