package de.offenekommune.node.bench;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The load generator: virtual threads, each with its own keep-alive connection. Closed loop (each
 * connection sends its next request when the last one is answered: throughput at a concurrency) or
 * open loop (requests are due at a fixed rate whether or not the server keeps up; latency counts
 * from when a request was due, so a server that falls behind shows it instead of slowing the test).
 */
final class HttpLoad {
    /** Sees every response (on the worker's thread, so it must be thread-safe). */
    @FunctionalInterface
    interface ResponseSink {
        void seen(int index, HttpConnection.Response response);

        ResponseSink NONE = (i, r) -> { };
    }

    record Target(String host, int port) {
    }

    /**
     * @param completed responses received (any status)
     * @param statuses  responses per status
     * @param retryAfter responses with a Retry-After header
     * @param timeouts  requests the client gave up on (no answer within the read timeout)
     * @param errors    other connection failures
     */
    record Result(int completed, double seconds, Map<Integer, Integer> statuses, int retryAfter, int timeouts, int errors,
                  Latencies latencies) {
        double perSecond() {
            return completed / seconds;
        }

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        /** Responses per second with this status. */
        double perSecond(int status) {
            return count(status) / seconds;
        }

        double p50() {
            return latencies.millisAt(0.50);
        }

        double p99() {
            return latencies.millisAt(0.99);
        }
    }

    private HttpLoad() {
    }

    static Result closed(Target target, int connections, Duration duration, IntFunction<byte[]> requests,
                         ResponseSink sink) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        return run(target, connections, start, 30_000, sink, () -> {
            if (System.nanoTime() >= end) {
                return null;
            }
            int i = next.getAndIncrement();
            byte[] request = requests.apply(i);
            return request == null ? null : new Due(i, request, System.nanoTime());
        });
    }

    /** At {@code rate} requests per second for {@code duration}, with at most {@code maxConnections} in flight. */
    static Result open(Target target, double rate, Duration duration, int maxConnections, int readTimeoutMillis,
                       IntFunction<byte[]> requests, ResponseSink sink) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        double interval = 1e9 / rate;
        AtomicInteger next = new AtomicInteger();
        return run(target, maxConnections, start, readTimeoutMillis, sink, () -> {
            int i = next.getAndIncrement();
            long due = start + (long) (i * interval);
            byte[] request = due >= end ? null : requests.apply(i);
            if (request == null) {
                return null;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            return new Due(i, request, due);
        });
    }

    private record Due(int index, byte[] request, long dueNanos) {
    }

    @FunctionalInterface
    private interface Source {
        Due next();
    }

    /** What one worker saw. */
    private static final class Tally {
        final Latencies latencies = new Latencies();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        int retryAfter;
        int timeouts;
        int errors;
    }

    private static Result run(Target target, int workers, long start, int readTimeoutMillis, ResponseSink sink,
                              Source source) {
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Tally tally = new Tally();
            tallies.add(tally);
            threads.add(Thread.ofVirtual().start(() -> work(target, readTimeoutMillis, sink, source, tally)));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Integer> statuses = new TreeMap<>();
        int retryAfter = 0;
        int timeouts = 0;
        int errors = 0;
        for (Tally t : tallies) {
            t.statuses.forEach((s, n) -> statuses.merge(s, n, Integer::sum));
            retryAfter += t.retryAfter;
            timeouts += t.timeouts;
            errors += t.errors;
        }
        int completed = statuses.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(completed, seconds, statuses, retryAfter, timeouts, errors,
                Latencies.merge(tallies.stream().map(t -> t.latencies).toList()));
    }

    private static void work(Target target, int readTimeoutMillis, ResponseSink sink, Source source, Tally tally) {
        HttpConnection connection = null;
        try {
            for (Due due = source.next(); due != null; due = source.next()) {
                try {
                    if (connection == null) {
                        connection = new HttpConnection(target.host(), target.port(), readTimeoutMillis);
                    }
                    HttpConnection.Response response = connection.exchange(due.request());
                    tally.latencies.add(System.nanoTime() - due.dueNanos());
                    tally.statuses.merge(response.status(), 1, Integer::sum);
                    if (response.retryAfter() != null) {
                        tally.retryAfter++;
                    }
                    sink.seen(due.index(), response);
                    if (response.close()) {
                        connection.close();
                        connection = null;
                    }
                } catch (IOException e) {
                    if (e instanceof SocketTimeoutException) {
                        tally.timeouts++;
                    } else {
                        tally.errors++;
                    }
                    if (connection != null) {
                        connection.close();
                        connection = null;
                    }
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
