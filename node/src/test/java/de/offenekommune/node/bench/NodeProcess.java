package de.offenekommune.node.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A node in its own JVM ({@link BenchNode}), so that its heap limit and resident memory are its own
 * and not the load generator's. Its output goes to a log file; the protocol lines are picked out.
 */
final class NodeProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("READY", "SEEDED", "STATS", "ERROR");

    /** How long the launch took: from starting the process (the database is already up) to serving. */
    record Readiness(double launchToReadyMillis, double nodeStartMillis, double jvmToReadyMillis) {
    }

    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path log;
    private final Readiness readiness;
    private final int port;
    private final int ceilingPort;
    private JsonNode stats;

    private NodeProcess(String name, Process process, Path log, long launchedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        Thread.ofPlatform().daemon().name("node-output-" + name).start(this::pump);
        JsonNode ready = await("READY", Duration.ofMinutes(3));
        this.readiness = new Readiness((System.nanoTime() - launchedNanos) / 1e6, ready.path("nodeStartMillis").asDouble(),
                ready.path("jvmToReadyMillis").asDouble());
        this.port = ready.path("port").asInt();
        this.ceilingPort = ready.path("ceilingPort").asInt();
    }

    /**
     * @param config  node configuration keys ({@code server.port}, {@code db.url}, ...)
     * @param jvmArgs extra JVM options (a JFR recording)
     */
    static NodeProcess launch(String name, Map<String, String> config, Path workDir, List<String> jvmArgs) {
        try {
            Path properties = workDir.resolve(name + ".properties");
            Properties p = new Properties();
            p.putAll(config);
            try (Writer out = Files.newBufferedWriter(properties)) {
                p.store(out, "benchmark node " + name);
            }
            Path log = workDir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m"));
            command.addAll(jvmArgs);
            // BENCH_NODE_JVM_OPTS: further options for the node processes, e.g. to compare collectors.
            String extra = System.getenv().getOrDefault("BENCH_NODE_JVM_OPTS", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-cp", classPath(), BenchNode.class.getName(), properties.toString()));
            long launched = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new NodeProcess(name, process, log, launched);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire runs tests from a manifest-only jar and keeps the real class path in a property. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    int ceilingPort() {
        return ceilingPort;
    }

    long pid() {
        return process.pid();
    }

    Readiness readiness() {
        return readiness;
    }

    /** Seeds the town through the node's services; returns what the scenarios need (ids, sign-in). */
    JsonNode seed(int proposals, int comments) {
        commands.println("seed " + proposals + " " + comments);
        return await("SEEDED", Duration.ofMinutes(30));
    }

    /** Stops the node; returns its figures (peak RSS and heap, GC). */
    JsonNode stop() {
        if (stats == null) {
            commands.println("stop");
            stats = await("STATS", Duration.ofMinutes(1));
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return stats;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            commands.close(); // the node stops when its stdin closes
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private JsonNode await(String kind, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < end) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (!process.isAlive() && lines.isEmpty()) {
                        throw new IllegalStateException("node " + name + " ended (exit " + process.exitValue()
                                + ") while waiting for " + kind + "; see " + log);
                    }
                    continue;
                }
                if (line.startsWith("ERROR ")) {
                    throw new IllegalStateException("node " + name + ": " + line);
                }
                if (line.startsWith(kind + " ")) {
                    return JSON.readTree(line.substring(kind.length() + 1));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("node " + name + " did not answer " + kind + " within " + timeout + "; see " + log);
    }

    private void pump() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String first = line.split(" ", 2)[0];
                if (KINDS.contains(first)) {
                    lines.add(line);
                }
                file.write(line);
                file.write('\n');
            }
        } catch (IOException e) {
            // the node ended
        }
    }
}
