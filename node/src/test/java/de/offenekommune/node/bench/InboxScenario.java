package de.offenekommune.node.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import de.offenekommune.federation.sig.HttpSignatureVerifier;
import de.offenekommune.federation.sig.KeyMaterial;
import de.offenekommune.federation.sig.KeyResolution;
import de.offenekommune.federation.sig.SignatureCheck;
import de.offenekommune.federation.sig.SignatureFailure;
import de.offenekommune.federation.sig.SignaturePolicy;
import de.offenekommune.federation.sig.VerificationKey;

/**
 * Scenario 2: remote actors post signed replies and Likes to the shared inbox at rising
 * concurrency until throughput stops growing (saturation), then rounds at that concurrency, then
 * twice that rate offered open-loop. Ceilings: a bare JSON POST on the same process, and signature
 * verification on all cores. At the end every accepted activity must be in the database and must
 * have become one comment or support.
 */
final class InboxScenario {
    private static final Duration CAP = Duration.ofMinutes(10);

    /** One step of the ramp. */
    private record Step(int concurrency, HttpLoad.Result result) {
    }

    private final BenchRun run;
    private final AtomicInteger accepted = new AtomicInteger();
    private final HttpLoad.ResponseSink countAccepted = (i, r) -> {
        if (r.status() == 202 && r.text().contains("\"accepted\"")) {
            accepted.incrementAndGet();
        }
    };

    InboxScenario(BenchRun run) {
        this.run = run;
    }

    void run() throws InterruptedException {
        var town = run.town();
        try (RemoteActors actors = new RemoteActors(run.sizes().inboxActors());
             NodeProcess node = run.launch("inbox")) {
            SignedActivities activities = new SignedActivities(actors, run.baseUrl(), town.path("projectSlug").asText(),
                    town.path("firstProposal").asLong(), town.path("lastProposal").asLong());
            HttpLoad.Target inbox = new HttpLoad.Target("127.0.0.1", node.port());
            send(inbox, 8, activities.warmUp());
            drain();
            List<Step> ramp = ramp(inbox, activities);
            Step saturation = ramp.stream().max((a, b) -> Double.compare(rate(a.result()), rate(b.result()))).orElseThrow();
            int c = saturation.concurrency();
            List<Double> rates = new ArrayList<>();
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            List<Double> nodeCpu = new ArrayList<>();
            List<Double> databaseCpu = new ArrayList<>();
            CpuMeter cpu = run.cpu(node);
            List<SignedActivities.Signed> last = List.of();
            for (int r = 0; r < run.sizes().rounds(); r++) {
                last = activities.next(run.sizes().inboxPerStep());
                bare.add(bareJson(node.ceilingPort(), c, last));
                CpuMeter.Snapshot before = cpu.snapshot();
                HttpLoad.Result result = send(inbox, c, last);
                CpuMeter.Usage used = CpuMeter.between(before, cpu.snapshot());
                rates.add(rate(result));
                p50s.add(result.p50());
                p99s.add(result.p99());
                nodeCpu.add(used.node() * used.seconds() * 1000 / result.completed());
                databaseCpu.add(used.database() * used.seconds() * 1000 / result.completed());
                System.out.printf(Locale.ROOT, "    inbox round %d: %,.0f accepted/s, p50 %.1f ms, p99 %.1f ms; CPU/activity %s; %s%n",
                        r + 1, rate(result), result.p50(), result.p99(), used.perOperation(result.completed()),
                        used.describe());
                drain();
            }
            double verifications = verifications(actors, last);
            Stats rate = Stats.of(rates);
            double p99 = Stats.of(p99s).median();
            Step below = belowSaturation(ramp, saturation);
            run.report().row("2 inbox: signed Create{Note}/Like accepted and stored, at saturation (%d connections)"
                            .formatted(c),
                    rate.format("%,.0f /s") + String.format(Locale.ROOT, ", p50 %.1f / p99 %.1f ms",
                            Stats.of(p50s).median(), p99),
                    String.format(Locale.ROOT, "%.2f + %.2f ms", Stats.of(nodeCpu).median(), Stats.of(databaseCpu).median()),
                    "bare JSON POST " + Stats.of(bare).format("%,.0f /s"), Report.percent(rate.median() / Stats.of(bare).median()),
                    "≥ 2,000/s", rate.median() >= 2000);
            run.report().row("2 inbox below saturation (%d connections, ramp)".formatted(below.concurrency()),
                    String.format(Locale.ROOT, "%,.0f /s, p50 %.1f / p99 %.1f ms", rate(below.result()),
                            below.result().p50(), below.result().p99()), "", "", "", "p99 < 100 ms",
                    below.result().p99() < 100);
            run.report().row("2 inbox ceiling: signature verifications (all cores)", "",
                    String.format(Locale.ROOT, "%,.0f /s", verifications), Report.percent(rate.median() / verifications),
                    "", null);
            overload(inbox, activities, rate.median());
            counts();
            run.finish(node);
        }
    }

    private List<Step> ramp(HttpLoad.Target inbox, SignedActivities activities) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        for (int concurrency : run.sizes().inboxLevels()) {
            HttpLoad.Result r = send(inbox, concurrency, activities.next(run.sizes().inboxPerStep()));
            steps.add(new Step(concurrency, r));
            run.report().note("inbox ramp, %3d connections: %,6.0f accepted/s, p50 %5.1f ms, p99 %6.1f ms, statuses %s",
                    concurrency, rate(r), r.p50(), r.p99(), r.statuses());
            drain();
        }
        return steps;
    }

    /** The ramp step before the one that saturated (the saturating one when it was the first). */
    private static Step belowSaturation(List<Step> ramp, Step saturation) {
        Step below = saturation;
        for (Step step : ramp) {
            if (step.concurrency() < saturation.concurrency()
                    && (below == saturation || step.concurrency() > below.concurrency())) {
                below = step;
            }
        }
        return below;
    }

    /** Twice the saturation rate, offered whether or not the node keeps up, from up to 512 connections. */
    private void overload(HttpLoad.Target inbox, SignedActivities activities, double saturation)
            throws InterruptedException {
        double offered = 2 * saturation;
        Duration time = run.sizes().overloadTime();
        List<SignedActivities.Signed> list = activities.next((int) (offered * time.toMillis() / 1000.0 * 1.05) + 1);
        HttpLoad.Result r = HttpLoad.open(inbox, offered, time, 512, 10_000,
                i -> i < list.size() ? list.get(i).request() : null, countAccepted);
        int unavailable = r.count(503) + r.count(429);
        // Without back-pressure the excess queues: answers get slower and slower until senders time out.
        boolean backPressure = r.timeouts() == 0 && r.errors() == 0 && r.retryAfter() == unavailable && r.p99() < 500;
        run.report().row("2 inbox at twice saturation (%,.0f/s offered, open loop)".formatted(offered),
                String.format(Locale.ROOT, "%,.0f accepted/s, %,.0f/s 503 or 429, %d timeouts, %d errors; p99 %.0f ms",
                        r.perSecond(202), unavailable / r.seconds(), r.timeouts(), r.errors(), r.p99()),
                "", "", "excess refused (503/429 + Retry-After), p99 < 500 ms", backPressure);
        run.report().note("inbox overload: statuses %s, %d with Retry-After, p50 %.1f ms, p99 %.1f ms (from when each was due)",
                r.statuses(), r.retryAfter(), r.p50(), r.p99());
        long begin = System.nanoTime();
        long backlog = backlog();
        drain();
        double seconds = (System.nanoTime() - begin) / 1e9;
        run.report().note("inbox processing after the overload: %,d stored activities waited, handled in %.1f s (%,.0f/s)",
                backlog, seconds, backlog / Math.max(seconds, 0.001));
    }

    /** Every accepted activity is stored and became one comment or one support: nothing accepted is lost. */
    private void counts() {
        BenchDatabase db = run.database();
        String from = RemoteActors.idPattern();
        long stored = db.count("SELECT count(*) FROM fed_inbox_activity WHERE actor LIKE ?", from);
        long failed = db.count("SELECT count(*) FROM fed_inbox_activity WHERE actor LIKE ? AND (state = 'failed' "
                + "OR attempts > 0)", from);
        long comments = db.count("SELECT count(*) FROM comment WHERE remote_actor LIKE ?", from);
        long supports = db.count("SELECT count(*) FROM support WHERE remote_actor LIKE ?", from);
        long lost = accepted.get() - (comments + supports);
        run.report().row("2 inbox: accepted (202) but not stored or not processed", String.format(Locale.ROOT,
                "%d of %,d (stored %,d; %,d comments + %,d supports; %d handler failures)", lost, accepted.get(), stored,
                comments, supports, failed), "", "", "0", lost == 0 && stored == accepted.get() && failed == 0);
    }

    private HttpLoad.Result send(HttpLoad.Target inbox, int connections, List<SignedActivities.Signed> list) {
        return HttpLoad.closed(inbox, connections, CAP, i -> i < list.size() ? list.get(i).request() : null,
                countAccepted);
    }

    private double bareJson(int port, int connections, List<SignedActivities.Signed> list) {
        String host = "127.0.0.1:" + port;
        List<byte[]> requests = list.stream().map(s -> s.to("/bench/json", host)).toList();
        HttpLoad.Result r = HttpLoad.closed(new HttpLoad.Target("127.0.0.1", port), connections, CAP,
                i -> i < requests.size() ? requests.get(i) : null, HttpLoad.ResponseSink.NONE);
        return r.perSecond(202);
    }

    /** The node's verifier with every key already parsed and cached, on all cores. */
    private double verifications(RemoteActors actors, List<SignedActivities.Signed> signed) {
        Map<String, VerificationKey> keys = new HashMap<>();
        for (RemoteActors.RemoteActor a : actors.all()) {
            keys.put(a.key().keyId(), new VerificationKey(a.key().keyId(), a.id(), new KeyMaterial.Rsa(a.publicKey()),
                    Instant.now()));
        }
        HttpSignatureVerifier verifier = new HttpSignatureVerifier((id, refresh) -> keys.containsKey(id)
                ? new KeyResolution.Found(keys.get(id)) : new KeyResolution.Failed(SignatureFailure.KEY_NOT_FOUND, id),
                SignaturePolicy.federation(Clock.systemUTC()));
        return Ceilings.allCores(run.sizes().ceilingTime(), i -> verifier.verify(signed.get(i % signed.size()).message())
                instanceof SignatureCheck.Verified);
    }

    /** Accepted per second (202 "accepted"; duplicates and refusals do not count). */
    private static double rate(HttpLoad.Result r) {
        return r.perSecond(202);
    }

    private long backlog() {
        return run.database().count("SELECT count(*) FROM fed_inbox_activity WHERE state = 'received' AND attempts = 0");
    }

    /** Waits until the node has handled everything stored, so each step starts without a backlog. */
    private void drain() throws InterruptedException {
        long end = System.nanoTime() + CAP.toNanos();
        while (backlog() > 0) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the inbox backlog did not drain within " + CAP);
            }
            Thread.sleep(100);
        }
    }
}
