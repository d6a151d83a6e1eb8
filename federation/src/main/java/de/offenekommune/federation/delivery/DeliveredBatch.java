package de.offenekommune.federation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records successful deliveries in batches: one statement (one commit) per batch instead of one per
 * inbox, the largest database cost of a fan-out. A batch is written when it is full or at most
 * {@code maxDelay} after its first entry. A process killed in between loses those records; their
 * leases expire and the deliveries are sent again (at-least-once; receivers deduplicate by id).
 */
final class DeliveredBatch implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DeliveredBatch.class.getName());

    private final DeliveryQueue queue;
    private final Clock clock;
    private final int size;
    private final Duration maxDelay;
    private final Thread flusher;
    private List<DeliveryQueue.Done> pending = new ArrayList<>();
    private long firstAt;
    private boolean open = true;

    DeliveredBatch(DeliveryQueue queue, Clock clock, int size, Duration maxDelay) {
        this.queue = queue;
        this.clock = clock;
        this.size = size;
        this.maxDelay = maxDelay;
        this.flusher = Thread.ofVirtual().name("federation-delivered").start(this::flushLoop);
    }

    void add(long id, int status) {
        List<DeliveryQueue.Done> full = null;
        synchronized (this) {
            pending.add(new DeliveryQueue.Done(id, status));
            if (pending.size() >= size) {
                full = take();
            } else if (pending.size() == 1) {
                firstAt = System.nanoTime();
                notifyAll();
            }
        }
        write(full);
    }

    /** Writes what is pending now. */
    void flush() {
        List<DeliveryQueue.Done> batch;
        synchronized (this) {
            batch = take();
        }
        write(batch);
    }

    /** Writes each batch when its first entry is {@code maxDelay} old, unless it filled up before. */
    private void flushLoop() {
        while (true) {
            List<DeliveryQueue.Done> batch;
            synchronized (this) {
                try {
                    while (open && pending.isEmpty()) {
                        wait();
                    }
                    long left = firstAt + maxDelay.toNanos() - System.nanoTime();
                    while (open && !pending.isEmpty() && left > 0) {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                        left = firstAt + maxDelay.toNanos() - System.nanoTime();
                    }
                    if (!open) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                batch = take();
            }
            write(batch);
        }
    }

    private List<DeliveryQueue.Done> take() {
        List<DeliveryQueue.Done> batch = pending;
        pending = new ArrayList<>();
        return batch;
    }

    private void write(List<DeliveryQueue.Done> batch) {
        if (batch == null || batch.isEmpty()) {
            return;
        }
        try {
            queue.deliveredAll(batch, clock.instant());
        } catch (RuntimeException e) {
            // The rows keep their leases and are sent again after them: duplicates, never losses.
            LOG.log(System.Logger.Level.WARNING, "recording " + batch.size() + " deliveries failed", e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            open = false;
            notifyAll();
        }
        flush();
    }
}
