package de.offenekommune.node.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.node.web.Cookies;

/**
 * Scenario 3: the pages citizens open most, anonymous and signed in, at 32 connections; beside them
 * a trivial endpoint of the node process (same filters, no work of ours) as the ceiling.
 */
final class PagesScenario {
    private static final int CONNECTIONS = 32;
    /** Passes over all pages before the first round, each page as long as a measurement's warm-up. */
    private static final int WARM_UP_PASSES = 2;

    /** A page, what its body must contain (so a fast error page cannot pass), and its target if it has one. */
    private record PageCase(String name, String path, String mustContain, boolean targeted) {
    }

    /** Rounds of one page as one visitor; CPU in milliseconds per request. */
    private record Measured(List<Double> rates, List<Double> p50s, List<Double> p99s, List<Double> nodeCpu,
                            List<Double> databaseCpu) {
        Measured() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        String cpu() {
            return String.format(Locale.ROOT, "%.2f + %.2f ms", Stats.of(nodeCpu).median(), Stats.of(databaseCpu).median());
        }
    }

    private final BenchRun run;
    private CpuMeter cpu;

    PagesScenario(BenchRun run) {
        this.run = run;
    }

    void run() {
        JsonNode town = run.town();
        List<PageCase> pages = List.of(
                new PageCase("project page (%d comments)".formatted(run.sizes().comments()),
                        "/projekte/" + town.path("projectSlug").asText(), "Beitrag " + run.sizes().comments() + ":", true),
                new PageCase("proposal list (%,d proposals)".formatted(run.sizes().proposals()), "/vorschlaege",
                        "href=\"/vorschlaege/" + town.path("lastProposal").asLong() + "\"", true),
                new PageCase("home page", "/", BenchRun.TOWN_NAME, false),
                new PageCase("search \"" + town.path("searchWord").asText() + "\"",
                        "/suche?q=" + town.path("searchWord").asText(), "Radweg", false));
        try (NodeProcess node = run.launch("pages")) {
            cpu = run.cpu(node);
            Visitors visitors = Visitors.signIn(run.baseUrl(), town);
            checkContent(pages, visitors);
            HttpLoad.Target target = new HttpLoad.Target("127.0.0.1", node.port());
            HttpLoad.Target ceilingTarget = new HttpLoad.Target("127.0.0.1", node.ceilingPort());
            Map<String, Measured> results = new LinkedHashMap<>();
            Measured ceiling = new Measured();
            warmUp(target, pages, visitors);
            for (int round = 0; round < run.sizes().rounds(); round++) {
                measure(ceilingTarget, "/bench/trivial", visitors.anonymous(), ceiling);
                for (PageCase page : pages) {
                    for (Map.Entry<String, String> visitor : visitors.cookies().entrySet()) {
                        measure(target, page.path(), visitor.getValue(),
                                results.computeIfAbsent(page.name() + ", " + visitor.getKey(), k -> new Measured()));
                    }
                }
            }
            report(pages, results, ceiling);
            run.finish(node);
        }
    }

    private void checkContent(List<PageCase> pages, Visitors visitors) {
        for (PageCase page : pages) {
            String body = visitors.client().page(run.baseUrl() + page.path());
            if (!body.contains(page.mustContain())) {
                throw new IllegalStateException(page.path() + " does not show \"" + page.mustContain() + "\"");
            }
        }
    }

    /**
     * Every page as every visitor under load before the first round (not measured): the JIT compiles
     * the node's page code in its first seconds, and without this the first round of the first page
     * (the project page) counted the compiler's CPU as the page's cost (3.5 instead of 0.9 ms).
     */
    private void warmUp(HttpLoad.Target target, List<PageCase> pages, Visitors visitors) {
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (PageCase page : pages) {
                for (String cookie : visitors.cookies().values()) {
                    byte[] request = HttpConnection.request("GET", page.path(), target.host() + ":" + target.port(), null,
                            "Accept: text/html", "Accept-Language: de", "Cookie: " + cookie);
                    HttpLoad.closed(target, CONNECTIONS, run.sizes().pageWarmUp(), i -> request,
                            HttpLoad.ResponseSink.NONE);
                }
            }
        }
    }

    private void measure(HttpLoad.Target target, String path, String cookie, Measured into) {
        byte[] request = HttpConnection.request("GET", path, target.host() + ":" + target.port(), null,
                "Accept: text/html", "Accept-Language: de", "Cookie: " + cookie);
        HttpLoad.closed(target, CONNECTIONS, run.sizes().pageWarmUp(), i -> request, HttpLoad.ResponseSink.NONE);
        CpuMeter.Snapshot before = cpu.snapshot();
        HttpLoad.Result r = HttpLoad.closed(target, CONNECTIONS, run.sizes().pageTime(), i -> request,
                HttpLoad.ResponseSink.NONE);
        CpuMeter.Usage used = CpuMeter.between(before, cpu.snapshot());
        if (r.count(200) != r.completed() || r.errors() + r.timeouts() > 0) {
            run.report().note("%s: %s, %d timeouts, %d connection errors", path, r.statuses(), r.timeouts(), r.errors());
        }
        into.rates().add(r.perSecond(200));
        into.p50s().add(r.p50());
        into.p99s().add(r.p99());
        into.nodeCpu().add(used.node() * used.seconds() * 1000 / r.completed());
        into.databaseCpu().add(used.database() * used.seconds() * 1000 / r.completed());
        System.out.printf(Locale.ROOT, "    %-40s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  CPU/req %s; %s%n", path,
                r.perSecond(200), r.p50(), r.p99(), used.perOperation(r.completed()), used.describe());
    }

    private void report(List<PageCase> pages, Map<String, Measured> results, Measured ceiling) {
        Stats floor = Stats.of(ceiling.rates());
        run.report().row("3 trivial endpoint, same process (ceiling)", floor.format("%,.0f req/s"), ceiling.cpu(), "", "",
                "", null);
        for (PageCase page : pages) {
            for (String visitor : List.of("anonymous", "signed in")) {
                Measured m = results.get(page.name() + ", " + visitor);
                Stats rate = Stats.of(m.rates());
                double p99 = Stats.of(m.p99s()).median();
                String measured = rate.format("%,.0f req/s") + String.format(Locale.ROOT, ", p50 %.1f / p99 %.1f ms",
                        Stats.of(m.p50s()).median(), p99);
                Boolean met = page.targeted() ? rate.median() >= 1500 && p99 < 50 : null;
                run.report().row("3 " + page.name() + ", " + visitor, measured, m.cpu(), floor.format("%,.0f req/s"),
                        Report.percent(rate.median() / floor.median()),
                        page.targeted() ? "≥ 1,500 req/s, p99 < 50 ms" : "", met);
            }
        }
    }

    /** The two kinds of visitor, each with the cookies a browser would send back. */
    private record Visitors(ControlClient client, String anonymous, String signedIn) {
        static Visitors signIn(String base, JsonNode town) {
            ControlClient anonymous = new ControlClient();
            anonymous.page(base + "/");
            ControlClient citizen = new ControlClient();
            citizen.signIn(base, town.path("citizenEmail").asText(), town.path("password").asText());
            return new Visitors(anonymous, Cookies.ANONYMOUS + "=" + anonymous.cookie(Cookies.ANONYMOUS),
                    Cookies.SESSION + "=" + citizen.cookie(Cookies.SESSION));
        }

        Map<String, String> cookies() {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("anonymous", anonymous);
            all.put("signed in", signedIn);
            return all;
        }
    }
}
