package de.offenekommune.node.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the figures were measured on: printed above the table, because they mean nothing without it. */
record Machine(String cpu, int cores, String memory, String os, String jdk, String date, String loadAverage) {

    static Machine describe() {
        return new Machine(
                procValue("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                procValue("/proc/meminfo", "MemTotal").map(Machine::gib).orElse("?"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                currentLoad());
    }

    /** The 1-minute load average now: other jobs on a shared machine show up here. */
    static String currentLoad() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    List<String> lines(String nodeHeap) {
        return List.of(
                "Machine: " + cpu + ", " + cores + " cores, " + memory + " RAM, " + os,
                "JDK:     " + jdk + "; node JVM " + nodeHeap + " (separate process), load generator in the driver JVM",
                "Date:    " + date + "; load average before the run " + loadAverage);
    }

    private static Optional<String> procValue(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String gib(String kb) {
        long value = Long.parseLong(kb.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", value / 1024.0 / 1024.0);
    }
}
