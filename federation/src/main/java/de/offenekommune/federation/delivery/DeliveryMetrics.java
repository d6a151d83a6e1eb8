package de.offenekommune.federation.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;

/**
 * Delivery metrics through Helidon's metrics API: queue depth, and per host the deliveries made,
 * failed for good, and retried.
 */
public final class DeliveryMetrics {
    private final MeterRegistry registry;
    private final AtomicLong depth = new AtomicLong();
    /** Counters by name and host: registry look-ups take locks, and every delivery counts. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.getOrCreate(Gauge.builder("federation.delivery.queue.depth", depth::get)
                .description("Deliveries waiting in the outbound queue"));
    }

    void depth(long value) {
        depth.set(value);
    }

    void delivered(String host) {
        counter("federation.delivery.delivered", host).increment();
    }

    void failed(String host) {
        counter("federation.delivery.failed", host).increment();
    }

    void retried(String host) {
        counter("federation.delivery.retries", host).increment();
    }

    /** The current count of a per-host counter (0 when never incremented). */
    public long count(String name, String host) {
        return registry.counter(name, List.of(Tag.create("host", host))).map(Counter::count).orElse(0L);
    }

    private Counter counter(String name, String host) {
        String key = name + ' ' + host;
        Counter counter = counters.get(key);
        if (counter == null) {
            counter = registry.getOrCreate(Counter.builder(name).tags(List.of(Tag.create("host", host))));
            counters.putIfAbsent(key, counter);
        }
        return counter;
    }
}
