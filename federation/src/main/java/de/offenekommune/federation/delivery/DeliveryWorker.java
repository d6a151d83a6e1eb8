package de.offenekommune.federation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;

/**
 * Takes deliveries from the queue and sends them, each on its own virtual thread, at most
 * {@code concurrency} at once. Records every outcome: delivered, retry at the scheduled time,
 * failed for good, or gone (the followers behind the inbox are removed and the application told).
 * Several workers, in one process or many, can share one queue.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DeliveryWorker.class.getName());

    private final DeliveryQueue queue;
    private final DeliverySender sender;
    private final HostRegistry hosts;
    private final Followers followers;
    private final RecipientGoneListener goneListener;
    private final DeliveryMetrics metrics;
    private final DeliveryConfig config;
    private final Clock clock;
    /** How long a successful delivery may wait to be recorded with others (see {@link DeliveredBatch}). */
    private static final Duration RECORD_DELAY = Duration.ofMillis(50);

    private final String workerId = "worker-" + UUID.randomUUID();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots;
    private final DeliveredBatch deliveredBatch;
    /** Free slots worth a claim: a claim reads the whole due queue, so it should fetch more than one delivery. */
    private final int claimThreshold;
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread loop;

    public DeliveryWorker(DeliveryQueue queue, DeliverySender sender, HostRegistry hosts, Followers followers,
                          RecipientGoneListener goneListener, DeliveryMetrics metrics, DeliveryConfig config, Clock clock) {
        this.queue = queue;
        this.sender = sender;
        this.hosts = hosts;
        this.followers = followers;
        this.goneListener = goneListener;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.slots = new Semaphore(config.concurrency());
        this.deliveredBatch = new DeliveredBatch(queue, clock, config.concurrency(), RECORD_DELAY);
        this.claimThreshold = Math.max(1, config.concurrency() / 4);
    }

    /** Starts the background loop. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = Thread.ofPlatform().name("federation-delivery").daemon().start(this::loop);
    }

    /** New work was enqueued: poll now instead of after the poll interval. */
    public void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Claims one batch, sends it and waits for every outcome to be recorded. For tests with a
     * controlled clock and for draining; the background loop does not wait like this.
     *
     * @return how many deliveries were attempted
     */
    public int runOnce() {
        List<ClaimedDelivery> claimed = queue.claim(workerId, config.concurrency(), config.perHostConcurrency(),
                clock.instant(), config.lease());
        List<Future<?>> running = new ArrayList<>();
        for (ClaimedDelivery delivery : claimed) {
            running.add(executor.submit(() -> process(delivery)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                LOG.log(System.Logger.Level.WARNING, "delivery task failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        deliveredBatch.flush();
        metrics.depth(queue.depth());
        return claimed.size();
    }

    /** Runs batches until nothing is due. */
    public int drain() {
        int total = 0;
        for (int n = runOnce(); n > 0; n = runOnce()) {
            total += n;
        }
        return total;
    }

    private void loop() {
        Instant lastDepth = Instant.MIN;
        while (running) {
            int free = slots.availablePermits();
            List<ClaimedDelivery> claimed = List.of();
            try {
                // Claim in batches, and a batch ahead: each claim reads the due queue, so one claim per
                // freed slot (or per few) would read it once per delivery. The extra rows wait here for
                // slots under their lease, and count as in flight for the per-host limit.
                if (free >= claimThreshold) {
                    claimed = queue.claim(workerId, free + config.concurrency(), config.perHostConcurrency(),
                            clock.instant(), config.lease());
                }
                for (ClaimedDelivery delivery : claimed) {
                    slots.acquireUninterruptibly();
                    executor.execute(() -> {
                        try {
                            process(delivery);
                        } finally {
                            slots.release();
                            if (slots.availablePermits() >= claimThreshold) {
                                wakeUp();
                            }
                        }
                    });
                }
                if (Duration.between(lastDepth, clock.instant()).compareTo(Duration.ofSeconds(10)) > 0) {
                    metrics.depth(queue.depth());
                    lastDepth = clock.instant();
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "delivery queue poll failed", e);
            }
            if (claimed.isEmpty()) {
                waitForWork();
            }
        }
    }

    private void waitForWork() {
        synchronized (signal) {
            try {
                // A wake-up that came while the loop was busy counts: it must not wait out the poll interval.
                if (!woken) {
                    signal.wait(config.pollInterval().toMillis());
                }
                woken = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void process(ClaimedDelivery delivery) {
        DeliveryOutcome outcome;
        try {
            outcome = sender.send(delivery);
        } catch (RuntimeException e) {
            outcome = new DeliveryOutcome.Retry(0, e.toString(), false);
        }
        record(delivery, outcome);
    }

    private void record(ClaimedDelivery delivery, DeliveryOutcome outcome) {
        Instant now = clock.instant();
        String host = delivery.host();
        switch (outcome) {
            case DeliveryOutcome.Delivered d -> {
                deliveredBatch.add(delivery.id(), d.status());
                hosts.recordSuccess(host, now);
                metrics.delivered(host);
            }
            case DeliveryOutcome.Gone g -> {
                queue.gone(delivery.id(), now);
                hosts.recordSuccess(host, now);
                List<Follower> removed = followers.removeByInbox(delivery.inbox());
                goneListener.onGone(delivery.inbox(), removed);
                metrics.failed(host);
            }
            case DeliveryOutcome.Retry r -> retry(delivery, r, now);
            case DeliveryOutcome.Permanent p -> {
                queue.failed(delivery.id(), p.status(), p.error(), now);
                if (p.status() > 0) {
                    hosts.recordSuccess(host, now);
                }
                metrics.failed(host);
            }
        }
    }

    private void retry(ClaimedDelivery delivery, DeliveryOutcome.Retry retry, Instant now) {
        var delay = config.retry().delayAfter(delivery.attempts() + 1);
        if (delay.isEmpty()) {
            queue.failed(delivery.id(), retry.status(), "gave up: " + retry.error(), now);
            metrics.failed(delivery.host());
        } else {
            queue.retryAt(delivery.id(), retry.status(), retry.error(), now.plus(delay.get()));
            metrics.retried(delivery.host());
        }
        if (retry.hostFailure() && hosts.recordFailure(delivery.host(), now, config.unavailableAfterDays())) {
            int skipped = queue.skipHost(delivery.host(), now);
            LOG.log(System.Logger.Level.INFO, "host {0} is unavailable; skipped {1} deliveries", delivery.host(), skipped);
        }
    }

    /** Stops claiming and waits briefly for deliveries in flight; unfinished ones return to the queue after their lease. */
    @Override
    public void close() {
        running = false;
        wakeUp();
        if (loop != null) {
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deliveredBatch.close();
    }

    public String workerId() {
        return workerId;
    }
}
