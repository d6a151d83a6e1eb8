package de.offenekommune.node.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest heap occupancy seen, sampled every 20 ms: how much of the 512 MB the node really
 * needed (the pools' own peak figures add up peaks of different moments, so they overstate it).
 */
final class HeapWatch {
    private final AtomicLong peak = new AtomicLong();

    private HeapWatch() {
    }

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread.ofPlatform().daemon().name("bench-heap-watch").start(() -> {
            while (true) {
                watch.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return watch;
    }

    long peakUsedMb() {
        return peak.get() / (1024 * 1024);
    }
}
