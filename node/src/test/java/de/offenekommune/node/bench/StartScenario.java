package de.offenekommune.node.bench;

import java.util.List;
import java.util.Locale;

/**
 * Scenario 4: start time and memory. Every node process of the run had -Xmx512m; the database was
 * up before each started. Restarts are timed on the seeded town; the first start (empty database,
 * all migrations) is reported apart.
 */
final class StartScenario {
    private final BenchRun run;

    StartScenario(BenchRun run) {
        this.run = run;
    }

    /** Starts and stops the node a few times on the seeded database. */
    void restarts() {
        for (int i = 0; i < run.sizes().restarts(); i++) {
            try (NodeProcess node = run.launch("restart-" + (i + 1))) {
                run.finish(node);
            }
        }
    }

    /** The rows for every node process the run started. */
    void report() {
        List<BenchRun.NodeRun> runs = run.nodeRuns();
        List<BenchRun.NodeRun> restarts = runs.stream().filter(r -> !r.name().equals("seed")).toList();
        if (!restarts.isEmpty()) {
            Stats launch = Stats.of(restarts.stream().map(r -> r.readiness().launchToReadyMillis()).toList());
            Stats inside = Stats.of(restarts.stream().map(r -> r.readiness().nodeStartMillis()).toList());
            run.report().row("4 start to ready, database up (process launch → serving; %d starts)".formatted(restarts.size()),
                    launch.format("%,.0f ms") + ", of which NodeApp.start " + inside.format("%,.0f ms"), "", "",
                    "< 2,000 ms", launch.median() < 2000);
        }
        runs.stream().filter(r -> r.name().equals("seed")).findFirst().ifPresent(first -> run.report().row(
                "4 first start on an empty database (all migrations)",
                String.format(Locale.ROOT, "%,.0f ms, of which NodeApp.start %,.0f ms", first.readiness().launchToReadyMillis(),
                        first.readiness().nodeStartMillis()), "", "", "", null));
        for (BenchRun.NodeRun r : runs) {
            if (r.name().startsWith("restart")) {
                continue;
            }
            long rss = r.stats().path("peakRssMb").asLong();
            long heap = r.stats().path("peakHeapUsedMb").asLong();
            run.report().row("4 memory of the " + r.name() + " node (-Xmx512m)", String.format(Locale.ROOT,
                            "peak RSS %,d MB, peak heap used %,d MB, %d GCs (%,d ms)", rss, heap,
                            r.stats().path("gcCount").asLong(), r.stats().path("gcMillis").asLong()), "", "",
                    "heap ≤ 512 MB", heap <= 512);
        }
    }
}
