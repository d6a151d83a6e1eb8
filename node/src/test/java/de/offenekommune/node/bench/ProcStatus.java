package de.offenekommune.node.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Peak resident set size (VmHWM) from Linux's /proc; -1 elsewhere. */
final class ProcStatus {
    private ProcStatus() {
    }

    static long peakRssMb() {
        return peakRssMb(Path.of("/proc/self/status"));
    }

    static long peakRssMb(long pid) {
        return peakRssMb(Path.of("/proc/" + pid + "/status"));
    }

    private static long peakRssMb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }
}
