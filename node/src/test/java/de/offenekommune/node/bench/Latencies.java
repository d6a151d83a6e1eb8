package de.offenekommune.node.bench;

import java.util.Arrays;

/**
 * Response times of one load run, recorded by one worker thread each (no locking on the hot path)
 * and merged at the end for percentiles.
 */
final class Latencies {
    private long[] nanos = new long[1024];
    private int size;

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    int size() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies p : parts) {
            for (int i = 0; i < p.size; i++) {
                all.add(p.nanos[i]);
            }
        }
        Arrays.sort(all.nanos, 0, all.size);
        return all;
    }

    /** Milliseconds at quantile q (0..1) of a merged (sorted) set; 0 when empty. */
    double millisAt(double q) {
        if (size == 0) {
            return 0;
        }
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(q * size) - 1));
        return nanos[index] / 1e6;
    }
}
