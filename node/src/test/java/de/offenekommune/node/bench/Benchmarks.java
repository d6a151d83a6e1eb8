package de.offenekommune.node.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the benchmarks of examples/benchmarks/README.md against real nodes (each its own JVM with
 * -Xmx512m) on the node's embedded PostgreSQL, loopback only, and prints the table.
 *
 * <pre>Benchmarks [--quick] [--rounds N] [--only pages,inbox,fanout,start] [--jfr] [--work-dir DIR]</pre>
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        BenchOptions options = options(args);
        Files.createDirectories(options.workDir());
        Machine machine = Machine.describe();
        System.out.println("OffeneKommune benchmarks; work directory " + options.workDir());
        try (BenchDatabase db = BenchDatabase.embedded(options.workDir().resolve("database"))) {
            BenchRun run = run(options, db);
            ByteArrayOutputStream table = new ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(table, true, StandardCharsets.UTF_8)) {
                run.report().print(out, header(machine, options));
            }
            String text = table.toString(StandardCharsets.UTF_8);
            System.out.print(text);
            Files.writeString(options.workDir().resolve("results.md"), text);
        }
        System.exit(0);
    }

    /** The driver's own libraries (embedded PostgreSQL, the sink servers) only speak up when something is wrong. */
    private static void quietLogging() throws java.io.IOException {
        String config = "handlers=java.util.logging.ConsoleHandler\n.level=WARNING\n";
        java.util.logging.LogManager.getLogManager()
                .readConfiguration(new java.io.ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
    }

    /** Seeds the town, then runs the chosen scenarios in order; every node process is stopped at the end. */
    static BenchRun run(BenchOptions options, BenchDatabase db) throws Exception {
        BenchRun run = new BenchRun(options, db);
        Set<String> chosen = options.scenarios();
        System.out.println("seeding the town ...");
        run.seed();
        if (chosen.contains("pages")) {
            System.out.println("3 pages ...");
            new PagesScenario(run).run();
        }
        if (chosen.contains("inbox")) {
            System.out.println("2 inbox ...");
            new InboxScenario(run).run();
        }
        if (chosen.contains("fanout")) {
            System.out.println("1 fan-out ...");
            new FanOutScenario(run).run();
        }
        StartScenario start = new StartScenario(run);
        if (chosen.contains("start")) {
            System.out.println("4 restarts ...");
            start.restarts();
        }
        start.report();
        return run;
    }

    private static List<String> header(Machine machine, BenchOptions options) {
        BenchOptions.Sizes s = options.sizes();
        List<String> lines = new ArrayList<>(List.of("## OffeneKommune benchmark, " + machine.date(), ""));
        machine.lines("-Xmx512m").forEach(l -> lines.add("    " + l));
        lines.add(String.format(Locale.ROOT, "    Sizes:   %d round(s) per figure; %,d followers on %,d servers; %,d proposals; "
                        + "%d comments; %d remote actors, %,d activities per inbox step",
                s.rounds(), s.followers(), s.hosts(), s.proposals(), s.comments(), s.inboxActors(), s.inboxPerStep()));
        lines.add("    Load average after the run: " + Machine.currentLoad());
        return lines;
    }

    static BenchOptions options(String[] args) {
        BenchOptions.Sizes sizes = BenchOptions.Sizes.full();
        Integer rounds = null;
        Set<String> scenarios = new LinkedHashSet<>(BenchOptions.ALL);
        boolean jfr = false;
        Path workDir = Path.of("target", "benchmarks",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> sizes = BenchOptions.Sizes.quick();
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--only" -> scenarios = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                case "--jfr" -> jfr = true;
                case "--work-dir" -> workDir = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: [--quick] [--rounds N] [--only pages,inbox,fanout,start] [--jfr] [--work-dir DIR]");
            }
        }
        if (!BenchOptions.ALL.containsAll(scenarios)) {
            throw new IllegalArgumentException("scenarios are " + BenchOptions.ALL + ", not " + scenarios);
        }
        if (rounds != null) {
            sizes = new BenchOptions.Sizes(rounds, sizes.followers(), sizes.hosts(), sizes.proposals(), sizes.comments(),
                    sizes.inboxActors(), sizes.inboxPerStep(), sizes.inboxLevels(), sizes.overloadTime(),
                    sizes.pageWarmUp(), sizes.pageTime(), sizes.restarts(), sizes.ceilingTime());
        }
        return new BenchOptions(sizes, scenarios, jfr, workDir.toAbsolutePath(), List.of());
    }
}
