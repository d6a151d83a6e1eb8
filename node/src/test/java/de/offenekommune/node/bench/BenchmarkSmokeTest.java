package de.offenekommune.node.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.offenekommune.federation.testing.TestPostgres;

/**
 * The benchmarks once with tiny sizes: a node process is started, seeded, and every scenario runs
 * to its end (deliveries arrive and verify, the inbox accepts and stores, pages answer with their
 * content). Checks that the benchmark works, not how fast anything is: no figure is asserted.
 */
class BenchmarkSmokeTest {

    @Test
    void everyScenarioRunsAgainstARealNodeProcess(@TempDir Path work) throws Exception {
        BenchOptions options = new BenchOptions(BenchOptions.Sizes.tiny(), Set.of("pages", "inbox", "fanout"), false, work,
                List.of("-XX:TieredStopAtLevel=1"));
        TestPostgres.TestDatabase db = TestPostgres.newDatabase("bench");
        try (BenchDatabase database = new BenchDatabase(db.jdbcUrl(), db.user(), db.password(), db)) {
            BenchRun run = Benchmarks.run(options, database);

            String table = print(run.report());
            assertTrue(table.contains("| 1 fan-out, RFC 9421 hosts"), table);
            assertTrue(table.contains("| 1 fan-out, RFC 9421 Ed25519 hosts"), table);
            assertTrue(table.contains("deliveries were signed with RFC 9421 Ed25519")
                    && !table.contains("Ed25519 hosts: 0 of"), "Ed25519 hosts got Ed25519 signatures: " + table);
            assertTrue(table.contains("| 2 inbox: signed Create{Note}/Like accepted and stored"), table);
            assertTrue(table.contains("| 3 project page (10 comments), signed in"), table);
            assertTrue(table.contains("| 4 memory of the inbox node"), table);
            assertTrue(table.contains("verified, 0 failed"), table);
            assertFalse(table.contains(" 0 verified"), "the sink verified no signature at all: " + table);
            // Nothing accepted is lost, whatever the speed.
            String lost = table.lines().filter(l -> l.contains("accepted (202) but not stored")).findFirst().orElseThrow();
            assertTrue(lost.contains("| 0 of ") && lost.contains("| met "), lost);
            List<String> nodes = run.nodeRuns().stream().map(BenchRun.NodeRun::name).toList();
            assertEquals(List.of("seed", "pages", "inbox", "fanout"), nodes);
            run.nodeRuns().forEach(n -> assertTrue(n.stats().path("peakHeapUsedMb").asLong() > 0, n.toString()));
            assertTrue(Files.exists(work.resolve("fanout.log")));
        }
    }

    private static String print(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8), List.of());
        return out.toString(StandardCharsets.UTF_8);
    }
}
