package de.offenekommune.node.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One benchmark run: the database, the town's fixed address (its actor ids contain it, so every
 * node process of the run listens on the same port), the report, and every node process started,
 * whose start time and memory are scenario 4.
 */
final class BenchRun {
    static final String TOWN_NAME = "Benchstadt";
    static final String API_TOKEN = "bench-bootstrap-token-0123456789abcdefghij";

    /** One node process's life: how fast it was ready and what it used. */
    record NodeRun(String name, NodeProcess.Readiness readiness, JsonNode stats) {
    }

    private final BenchOptions options;
    private final BenchDatabase database;
    private final Report report = new Report();
    private final int port = freePort();
    private final List<NodeRun> nodeRuns = new ArrayList<>();
    private JsonNode town;
    private long databasePid;

    BenchRun(BenchOptions options, BenchDatabase database) {
        this.options = options;
        this.database = database;
    }

    BenchOptions options() {
        return options;
    }

    BenchOptions.Sizes sizes() {
        return options.sizes();
    }

    BenchDatabase database() {
        return database;
    }

    Report report() {
        return report;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What the seeding made (project slug, proposal ids, a citizen's sign-in). */
    JsonNode town() {
        return town;
    }

    List<NodeRun> nodeRuns() {
        return nodeRuns;
    }

    /** The first node seeds the town; its start is the first start on an empty database (migrations). */
    void seed() {
        // Only the pages and the inbox need the proposals and the discussion.
        boolean full = options.scenarios().contains("pages") || options.scenarios().contains("inbox");
        int proposals = full ? sizes().proposals() : 0;
        int comments = full ? sizes().comments() : 0;
        try (NodeProcess node = launch("seed")) {
            town = node.seed(proposals, comments);
            database.analyze();
            report.note("seeded %,d proposals, %d comments on the project page, 12 projects in %.1f s (node services)",
                    proposals, comments, town.path("seconds").asDouble());
            finish(node);
        }
    }

    NodeProcess launch(String name) {
        Map<String, String> config = new HashMap<>();
        config.put("server.host", "127.0.0.1");
        config.put("server.port", String.valueOf(port));
        config.put("node.name", TOWN_NAME);
        config.put("node.handle", "benchstadt");
        config.put("node.base-url", baseUrl());
        config.put("node.data-dir", options.workDir().resolve("node-data").toString());
        config.put("db.url", database.jdbcUrl());
        config.put("db.user", database.user());
        config.put("db.password", database.password());
        config.put("security.bootstrap-token", API_TOKEN);
        config.put("federation.allow-private-addresses", "true");
        List<String> jvm = new ArrayList<>(options.nodeJvm());
        if (options.jfr()) {
            // BENCH_JFR_SETTINGS: a .jfc file, e.g. one sampling every millisecond (jfr configure ... #period=1ms)
            jvm.add("-XX:StartFlightRecording=filename=" + options.workDir().resolve(name + ".jfr") + ",settings="
                    + System.getenv().getOrDefault("BENCH_JFR_SETTINGS", "profile") + ",dumponexit=true");
        }
        return NodeProcess.launch(name, config, options.workDir(), jvm);
    }

    /** Measures the CPU of this node process, PostgreSQL and the driver. */
    CpuMeter cpu(NodeProcess node) {
        if (databasePid == 0) {
            databasePid = database.serverPid();
        }
        return new CpuMeter(node.pid(), databasePid);
    }

    /** Stops the node and keeps its start time and memory for the table. */
    NodeRun finish(NodeProcess node) {
        NodeRun run = new NodeRun(node.name(), node.readiness(), node.stop());
        nodeRuns.add(run);
        return run;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
