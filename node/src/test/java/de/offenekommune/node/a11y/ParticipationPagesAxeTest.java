package de.offenekommune.node.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.event.Event;
import de.offenekommune.node.project.News;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * axe-core (WCAG 2.1 A and AA rules) in headless Chromium on the project, event and survey pages,
 * public and staff, including forms shown with field errors. Skipped where Debian's chromium and
 * chromium-driver are not installed.
 */
class ParticipationPagesAxeTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static TestNode node;
    private static ChromeDriver browser;
    private static String axe;
    private static Project project;
    private static News news;
    private static Event event;
    private static Survey survey;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "chromium and chromedriver needed");
        node = TestNode.start("Barrierestadt", Map.of("node.demo", "true"));
        TestContent content = new TestContent(node);
        project = node.components().projects().visible("neugestaltung-marktplatz");
        news = node.components().news().published(project.id(), 0, 1).getFirst();
        event = node.components().eventService().upcomingOfProject(project.id(), 1).getFirst();
        survey = node.components().surveys().ofProject(project.id(), 1).getFirst();
        content.news(project, "Noch eine Meldung", Instant.now().minus(Duration.ofMinutes(5)));
        node.components().accounts().createConfirmed("pruefer@example.org", "Prüfer", "pruefer", "pruefer-passwort-1",
                Role.ADMIN);
        try (InputStream in = ParticipationPagesAxeTest.class.getResourceAsStream("/vendor/axe-core/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1024");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
                options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
    }

    /** Runs axe on the current page; returns "rule: target" lines for every violation. */
    @SuppressWarnings("unchecked")
    private static List<String> violations() {
        JavascriptExecutor js = browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done({passes: r.passes.length,
                       violations: r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))}))
                   .catch(e => done({passes: 0, violations: ['axe failed: ' + e]}));""");
        Map<String, Object> r = (Map<String, Object>) result;
        if (((Number) r.get("passes")).intValue() < 5) {
            return List.of("axe did not really run: " + r);
        }
        return (List<String>) r.get("violations");
    }

    private static List<String> check(String path) {
        browser.get(node.url(path));
        List<String> found = new ArrayList<>();
        violations().forEach(v -> found.add(path + " -> " + v));
        return found;
    }

    private static void signIn() {
        browser.get(node.url("/anmelden"));
        browser.findElement(By.id("email")).sendKeys("pruefer@example.org");
        browser.findElement(By.id("password")).sendKeys("pruefer-passwort-1");
        browser.findElement(By.cssSelector("form[action='/anmelden'] button[type=submit]")).click();
    }

    @Test
    void publicAndStaffPagesHaveNoViolations() {
        List<String> found = new ArrayList<>();
        for (String path : List.of("/", "/projekte", "/projekte?thema=verkehr", project.path(), news.path(),
                project.path() + "/neuigkeiten", "/termine", event.path(), survey.path())) {
            found.addAll(check(path));
        }
        signIn();
        for (String path : List.of(survey.path(), survey.path() + "/ergebnisse", "/verwaltung/projekte/neu",
                "/verwaltung/projekte/" + project.id(), "/verwaltung/projekte/" + project.id() + "/phasen/neu",
                "/verwaltung/projekte/" + project.id() + "/links/neu",
                "/verwaltung/projekte/" + project.id() + "/neuigkeiten/neu", "/verwaltung/termine/neu",
                "/verwaltung/termine/" + event.id(), "/verwaltung/projekte/" + project.id() + "/umfragen/neu",
                "/verwaltung/umfragen/" + survey.id(), "/verwaltung/umfragen/" + survey.id() + "/fragen/neu",
                "/admin/api-tokens")) {
            found.addAll(check(path));
        }
        // A form that came back with field errors: error summary, aria-invalid, messages.
        browser.get(node.url("/verwaltung/projekte/neu"));
        browser.findElement(By.id("title")).sendKeys("x");
        browser.findElement(By.id("title")).submit();
        violations().forEach(v -> found.add("project form with errors -> " + v));
        assertEquals(1, browser.findElements(By.id("fehler")).size(), "the form came back with errors");
        assertEquals(0, found.size(), String.join("\n", found));
    }
}
