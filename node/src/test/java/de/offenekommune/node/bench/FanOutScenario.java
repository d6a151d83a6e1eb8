package de.offenekommune.node.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.federation.key.Rsa;
import de.offenekommune.federation.sig.KeyMaterial;

/**
 * Scenario 1: the town publishes a project through the staff API (service, content event,
 * publisher, relay, outbox, delivery workers: the normal path) to followers spread over many
 * servers with one shared inbox each; timed from the API call until the last server has it. Three
 * sets of servers: unknown ones (RFC 9421, RSA), ones known to verify RFC 9421 Ed25519, and ones that
 * speak only draft-cavage. The ceiling is RSA-2048 (or Ed25519) signing on all cores, measured
 * between the rounds.
 */
final class FanOutScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERIFY_EVERY = 20;

    /** The rounds of one kind of host; CPU in milliseconds per delivery. */
    private record Rounds(Stats rate, Stats seconds, Stats ceiling, Stats nodeCpu, Stats databaseCpu, Stats cores) {
        String cpu() {
            return String.format(Locale.ROOT, "%.2f + %.2f ms", nodeCpu.median(), databaseCpu.median());
        }
    }

    /** One publication: deliveries per second until the last server had it, and the CPU it took. */
    private record Published(double rate, CpuMeter.Usage used) {
    }

    private final BenchRun run;
    private final Ceilings ceilings = new Ceilings();
    private final int hosts;
    private final String townId;
    private int published;
    private CpuMeter cpu;

    FanOutScenario(BenchRun run) {
        this.run = run;
        this.hosts = run.sizes().hosts();
        this.townId = run.baseUrl() + "/kommune";
    }

    void run() throws Exception {
        // Hosts c0000.fan.test ... refuse RFC 9421, as servers that only speak draft-cavage do.
        try (FanOutSink sink = new FanOutSink(host -> host.startsWith("c"), VERIFY_EVERY);
             NodeProcess node = run.launch("fanout")) {
            cpu = run.cpu(node);
            trustTown(sink);
            follow(sink, "h");
            publish(sink); // warm-up: keys loaded, hosts learnt, connections open, code compiled
            run.database().analyze(); // a town with this many followers has statistics on them
            Rounds rfc9421 = rounds(sink, ceilings::rsaSignsPerSecond);
            follow(sink, "e");
            verifyEd25519(sink, "e");
            int edBefore = sink.ed25519Signed();
            publish(sink); // the new servers' first connections
            Rounds ed25519 = rounds(sink, ceilings::ed25519SignsPerSecond);
            int edSigned = sink.ed25519Signed() - edBefore;
            follow(sink, "c");
            double learning = publish(sink).rate();
            Rounds cavage = rounds(sink, ceilings::rsaSignsPerSecond);
            report(sink, rfc9421, ed25519, cavage, learning);
            run.report().note("fan-out, Ed25519 hosts: %,d of %,d deliveries were signed with RFC 9421 Ed25519",
                    edSigned, hosts * (run.sizes().rounds() + 1));
            run.finish(node);
        }
    }

    /**
     * Servers e0000.fan.test ... verify RFC 9421 Ed25519: recorded as the node records it when their
     * actor documents advertise it (FEP-844e {@code implements}); the followers are written straight
     * into the table, so no actor document is fetched here.
     */
    private void verifyEd25519(FanOutSink sink, String prefix) throws SQLException {
        try (Connection c = run.database().connect();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO fed_host (host, rfc9421_ed25519) VALUES (?, true)
                     ON CONFLICT (host) DO UPDATE SET rfc9421_ed25519 = true""")) {
            for (int h = 0; h < hosts; h++) {
                insert.setString(1, prefix + String.format(Locale.ROOT, "%04d", h) + ".fan.test");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Rounds rounds(FanOutSink sink, java.util.function.ToDoubleFunction<Duration> ceiling) throws Exception {
        List<Double> rates = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        List<Double> ceilings = new ArrayList<>();
        List<Double> nodeCpu = new ArrayList<>();
        List<Double> databaseCpu = new ArrayList<>();
        List<Double> cores = new ArrayList<>();
        for (int r = 0; r < run.sizes().rounds(); r++) {
            ceilings.add(ceiling.applyAsDouble(run.sizes().ceilingTime()));
            Published p = publish(sink);
            rates.add(p.rate());
            seconds.add(hosts / p.rate());
            nodeCpu.add(p.used().node() * p.used().seconds() * 1000 / hosts);
            databaseCpu.add(p.used().database() * p.used().seconds() * 1000 / hosts);
            cores.add(p.used().node());
        }
        return new Rounds(Stats.of(rates), Stats.of(seconds), Stats.of(ceilings), Stats.of(nodeCpu),
                Stats.of(databaseCpu), Stats.of(cores));
    }

    /** Publishes one project through the staff API and waits until every server has it. */
    private Published publish(FanOutSink sink) throws InterruptedException {
        published++;
        String project = """
                {"kind": "CONSTRUCTION", "title": "Neue Brücke über den Mühlbach, Abschnitt %d",
                 "summary": "Die alte Fußgängerbrücke wird ersetzt. Informieren Sie sich über die Varianten.",
                 "description": "Die Brücke ist **60 Jahre alt**. Wir stellen drei Varianten vor.",
                 "topics": ["BUILDING", "TRANSPORT"], "department": "Tiefbauamt",
                 "phases": [{"kind": "INFORMATION", "startsOn": "2026-11-01", "endsOn": "2026-12-31"}]}"""
                .formatted(published);
        CpuMeter.Snapshot before = cpu.snapshot();
        long start = System.nanoTime();
        JsonNode created = new ControlClient().create(run.baseUrl() + "/api/v1/projects", BenchRun.API_TOKEN, project);
        double apiMillis = (System.nanoTime() - start) / 1e6;
        FanOutSink.Arrivals arrivals = sink.await(created.path("url").asText(), hosts, Duration.ofMinutes(5));
        CpuMeter.Usage used = CpuMeter.between(before, cpu.snapshot());
        if (arrivals.hosts() < hosts) {
            throw new IllegalStateException("only " + arrivals.hosts() + " of " + hosts + " servers got project "
                    + published + " within 5 minutes");
        }
        if (arrivals.posts() != hosts) {
            run.report().note("project %d: %d deliveries for %d servers (duplicates)", published, arrivals.posts(), hosts);
        }
        double seconds = (arrivals.lastNanos() - start) / 1e9;
        System.out.printf(Locale.ROOT, "    publish %d: %d servers in %.2f s (%.0f deliveries/s; API %.0f ms, first delivery "
                        + "after %.0f ms); CPU/delivery %s; %s%n", published, hosts, seconds, hosts / seconds, apiMillis,
                (arrivals.firstNanos() - start) / 1e6, used.perOperation(hosts), used.describe());
        return new Published(hosts / seconds, used);
    }

    /** The sink checks signatures with the key the town publishes, as a receiver would. */
    private void trustTown(FanOutSink sink) throws IOException {
        String body = new ControlClient().get(townId, "application/activity+json").body();
        JsonNode actor = JSON.readTree(body);
        JsonNode key = actor.path("publicKey");
        sink.trust(key.path("id").asText(), townId, new KeyMaterial.Rsa(Rsa.parsePublic(key.path("publicKeyPem").asText())));
        JsonNode multikey = actor.path("assertionMethod").path(0);
        sink.trust(multikey.path("id").asText(), townId,
                new KeyMaterial.Ed(Ed25519.fromMultibase(multikey.path("publicKeyMultibase").asText())));
    }

    /** Replaces the town's followers: {@code followers} actors on {@code hosts} servers named prefix0000.fan.test... */
    private void follow(FanOutSink sink, String prefix) throws SQLException {
        int perHost = Math.max(1, run.sizes().followers() / hosts);
        try (Connection c = run.database().connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM fed_follower WHERE local_actor = ?");
                 PreparedStatement insert = c.prepareStatement("""
                         INSERT INTO fed_follower (local_actor, remote_actor, inbox, shared_inbox, state, follow_activity,
                                                   created_at) VALUES (?, ?, ?, ?, 'accepted', ?, ?)""")) {
                delete.setString(1, townId);
                delete.executeUpdate();
                for (int h = 0; h < hosts; h++) {
                    String server = "http://" + prefix + String.format(Locale.ROOT, "%04d", h) + ".fan.test:" + sink.port();
                    for (int f = 0; f < perHost; f++) {
                        String actor = server + "/users/u" + f;
                        insert.setString(1, townId);
                        insert.setString(2, actor);
                        insert.setString(3, actor + "/inbox");
                        insert.setString(4, server + "/inbox");
                        insert.setString(5, actor + "/follows/1");
                        insert.setTimestamp(6, Timestamp.from(Instant.now()));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    private void report(FanOutSink sink, Rounds rfc9421, Rounds ed25519, Rounds cavage, double learning) {
        Report report = run.report();
        String followers = "%,d followers on %,d servers".formatted(hosts * Math.max(1, run.sizes().followers() / hosts),
                hosts);
        row("1 fan-out, RFC 9421 hosts (" + followers + ")", rfc9421, "RSA-2048", true);
        row("1 fan-out, RFC 9421 Ed25519 hosts", ed25519, "Ed25519", false);
        row("1 fan-out, draft-cavage-only hosts, once learnt", cavage, "RSA-2048", true);
        report.row("1 first publish to draft-cavage-only hosts (401, then draft-cavage: 2 signatures each)",
                String.format(Locale.ROOT, "%,.0f deliveries/s", learning), cavage.ceiling().format("%,.0f signs/s"),
                Report.percent(learning / cavage.ceiling().median()), "", null);
        report.note("fan-out: every %dth delivery had its signature verified by the receiving sink: %d verified, %d failed%s",
                VERIFY_EVERY, sink.verified(), sink.verifyFailed(),
                sink.firstFailure() == null ? "" : " (first: " + sink.firstFailure() + ")");
        report.note("fan-out: time until every server had the project: RFC 9421 %s s, RFC 9421 Ed25519 %s s, "
                + "draft-cavage %s s", rfc9421.seconds().format("%.2f"), ed25519.seconds().format("%.2f"),
                cavage.seconds().format("%.2f"));
    }

    private void row(String figure, Rounds r, String algorithm, boolean targeted) {
        run.report().row(figure, r.rate().format("%,.0f deliveries/s"), r.cpu(),
                algorithm + " " + r.ceiling().format("%,.0f signs/s") + " (" + Runtime.getRuntime().availableProcessors()
                        + " threads)",
                Report.percent(r.rate().median() / r.ceiling().median()), targeted ? "≥ 80 % of signing" : "",
                targeted ? r.rate().median() >= 0.8 * r.ceiling().median() : null);
        run.report().note("%s: the node process used %s of the %d cores while it delivered", figure,
                r.cores().format("%.2f"), Runtime.getRuntime().availableProcessors());
    }
}
