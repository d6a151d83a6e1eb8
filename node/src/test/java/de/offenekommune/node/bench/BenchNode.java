package de.offenekommune.node.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.offenekommune.node.NodeApp;
import de.offenekommune.node.config.NodeConfig;

/**
 * The node process of a benchmark: a real node (started exactly as {@code Main} does, but with the
 * benchmark's host resolver), plus the ceiling endpoints on a second listener. Talks to the driver
 * in lines: it prints {@code READY}, {@code SEEDED} and {@code STATS} followed by JSON; it reads
 * {@code seed <proposals> <comments>} and {@code stop} from stdin, and stops when stdin closes (so it
 * never outlives the driver).
 *
 * <p>Run by {@link NodeProcess}: {@code java -Xmx512m -cp ... BenchNode node.properties}.
 */
public final class BenchNode {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchNode() {
    }

    public static void main(String[] args) throws Exception {
        LogConfig.configureRuntime();
        HeapWatch heap = HeapWatch.start();
        long begin = System.nanoTime();
        NodeApp app = NodeApp.start(NodeConfig.from(config(Path.of(args[0]))), Clock.systemUTC(), new BenchResolver());
        double startMillis = (System.nanoTime() - begin) / 1e6;
        CeilingServer ceiling = CeilingServer.start(app.components());
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        say("READY", Map.of("port", app.port(), "ceilingPort", ceiling.port(), "nodeStartMillis", startMillis,
                "jvmToReadyMillis", System.currentTimeMillis() - jvmStart));
        try (BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            serve(commands, app);
        } finally {
            say("STATS", stats(heap));
            ceiling.close();
            app.close();
        }
        System.exit(0);
    }

    private static void serve(BufferedReader commands, NodeApp app) throws IOException {
        for (String line = commands.readLine(); line != null && !line.equals("stop"); line = commands.readLine()) {
            String[] words = line.trim().split(" ");
            if (words[0].equals("seed")) {
                long begin = System.nanoTime();
                Map<String, Object> seeded = new LinkedHashMap<>(new NodeSeeder(app.components())
                        .seed(Integer.parseInt(words[1]), Integer.parseInt(words[2])));
                seeded.put("seconds", (System.nanoTime() - begin) / 1e9);
                say("SEEDED", seeded);
            } else {
                say("ERROR", Map.of("message", "unknown command: " + line));
            }
        }
    }

    /**
     * The node's configuration: system properties (-D in BENCH_NODE_JVM_OPTS, to compare settings),
     * then the driver's keys, then the built-in application.yaml; no environment variables.
     */
    private static Config config(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((k, v) -> values.put((String) k, (String) v));
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.systemProperties())
                .addSource(ConfigSources.create(values))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
    }

    private static Map<String, Object> stats(HeapWatch heap) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("peakRssMb", ProcStatus.peakRssMb());
        stats.put("peakHeapUsedMb", heap.peakUsedMb());
        stats.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        long gcCount = 0;
        long gcMillis = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        stats.put("gcCount", gcCount);
        stats.put("gcMillis", gcMillis);
        return stats;
    }

    static void say(String kind, Map<String, ?> values) {
        try {
            System.out.println(kind + " " + JSON.writeValueAsString(values));
            System.out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
