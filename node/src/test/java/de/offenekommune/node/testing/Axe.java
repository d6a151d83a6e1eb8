package de.offenekommune.node.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (vendored in test resources, see scripts/vendor.sh) inside the page with the WCAG 2.0
 * and 2.1 level A and AA rules, the level BITV 2.0 requires.
 */
public final class Axe {
    private static final String SOURCE = load();

    private Axe() {
    }

    public record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + targets;
        }
    }

    /** @param passes rules that passed: a page where axe really ran passes dozens */
    public record Result(String url, List<Violation> violations, int passes) {
        /** No violation, and axe really checked the page. */
        public boolean clean() {
            return violations.isEmpty() && passes >= 5;
        }

        public String describe() {
            return url + ": " + violations.size() + " violation(s), " + passes + " rules passed\n  "
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  "));
        }
    }

    @SuppressWarnings("unchecked")
    public static Result run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SOURCE);
        Object raw = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   resultTypes: ['violations']})
                   .then(r => done({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id,
                        impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))}))
                   .catch(e => done({passes: 0, violations: [{id: 'axe-error', impact: 'critical', help: String(e),
                        targets: []}]}));
                """);
        Map<String, Object> result = (Map<String, Object>) raw;
        List<Map<String, Object>> list = (List<Map<String, Object>>) result.get("violations");
        List<Violation> violations = list.stream().map(v -> new Violation((String) v.get("id"),
                (String) v.get("impact"), (String) v.get("help"), (List<String>) v.get("targets"))).toList();
        return new Result(driver.getCurrentUrl(), violations, ((Number) result.get("passes")).intValue());
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/vendor/axe-core/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core missing from test resources; run scripts/vendor.sh");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
