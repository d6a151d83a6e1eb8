package de.offenekommune.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.event.Event;
import de.offenekommune.node.project.News;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.testing.Axe;
import de.offenekommune.node.testing.Browser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * axe-core (WCAG 2.1 A and AA rules) in headless Chromium on the project, news, event and survey
 * pages beyond the main list of {@link MainPagesAxeTest}: filtered lists, news, events, survey
 * results, and every staff page for them, including a form shown with field errors.
 */
class ParticipationPagesAxeTest {
    private static TestNode node;
    private static Browser browser;
    private static Project project;
    private static News news;
    private static Event event;
    private static Survey survey;

    @BeforeAll
    static void start() {
        node = TestNode.start("Barrierestadt", Map.of("node.demo", "true"));
        TestContent content = new TestContent(node);
        project = node.components().projects().visible("neugestaltung-marktplatz");
        news = node.components().news().published(project.id(), 0, 1).getFirst();
        event = node.components().eventService().upcomingOfProject(project.id(), 1).getFirst();
        survey = node.components().surveys().ofProject(project.id(), 1).getFirst();
        content.news(project, "Noch eine Meldung", Instant.now().minus(Duration.ofMinutes(5)));
        node.components().accounts().createConfirmed("pruefer@example.org", "Prüfer", "pruefer", "pruefer-passwort-1",
                Role.ADMIN);
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private static List<String> check(String path) {
        browser.open(node.url(path));
        return violations(path);
    }

    private static List<String> violations(String where) {
        Axe.Result result = browser.axe();
        return result.clean() ? List.of() : List.of(where + " -> " + result.describe());
    }

    @Test
    void publicAndStaffPagesHaveNoViolations() {
        List<String> found = new ArrayList<>();
        for (String path : List.of("/projekte?thema=verkehr", news.path(), project.path() + "/neuigkeiten",
                "/termine", event.path())) {
            found.addAll(check(path));
        }
        browser.signIn(node.baseUrl().toString(), "pruefer@example.org", "pruefer-passwort-1");
        for (String path : List.of(survey.path() + "/ergebnisse", "/verwaltung/projekte/neu",
                "/verwaltung/projekte/" + project.id(), "/verwaltung/projekte/" + project.id() + "/phasen/neu",
                "/verwaltung/projekte/" + project.id() + "/links/neu",
                "/verwaltung/projekte/" + project.id() + "/neuigkeiten/neu", "/verwaltung/termine/neu",
                "/verwaltung/termine/" + event.id(), "/verwaltung/projekte/" + project.id() + "/umfragen/neu",
                "/verwaltung/umfragen/" + survey.id(), "/verwaltung/umfragen/" + survey.id() + "/fragen/neu",
                "/admin/api-tokens")) {
            found.addAll(check(path));
        }
        // A form that came back with field errors: error summary, aria-invalid, messages.
        browser.open(node.url("/verwaltung/projekte/neu"));
        browser.fill("title", "x");
        browser.find(By.id("title")).submit();
        browser.await(By.id("fehler"));
        found.addAll(violations("project form with errors"));
        assertEquals(1, browser.driver().findElements(By.id("fehler")).size(), "the form came back with errors");
        assertEquals(List.of(), found, String.join("\n", found));
    }
}
