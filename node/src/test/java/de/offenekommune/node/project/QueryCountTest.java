package de.offenekommune.node.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * Pages load their data in a fixed number of SQL statements, however much data there is: the
 * node's query pool is wrapped in a statement counter ({@link TestNode#startCounting}), a page is
 * requested, and the statements prepared for it are counted (the mail worker's polling is left
 * out). Each page is measured with little and with much data; the counts must be equal and small.
 * This proves the absence of N+1 queries, not speed; benchmarks measure speed.
 */
class QueryCountTest {
    private static TestNode node;
    private static TestContent content;
    private static Project busy;
    private static Project quiet;

    @BeforeAll
    static void start() {
        node = TestNode.startCounting("Zaehlstadt", Map.of());
        content = new TestContent(node);
        // 2,000 projects with topics and a phase each, written in bulk: this test is about reading.
        node.sql().update("""
                INSERT INTO project (slug, kind, title, summary, topics)
                SELECT 'massenprojekt-' || g, (ARRAY['PLANNING','CONSTRUCTION','OTHER'])[1 + g % 3],
                       'Massenprojekt ' || g, 'Kurz ' || g,
                       CASE WHEN g % 2 = 0 THEN ARRAY['TRANSPORT'] ELSE ARRAY['BUILDING','ENVIRONMENT'] END
                FROM generate_series(1, 2000) g""");
        node.sql().update("""
                INSERT INTO project_phase (project_id, kind, starts_on, ends_on)
                SELECT id, (ARRAY['INFORMATION','PARTICIPATION','EVALUATION'])[1 + id % 3],
                       current_date - 5, current_date + 5
                FROM project""");
        quiet = content.project("Ruhiges Projekt", "OTHER", List.of("CULTURE"), List.of());
        content.news(quiet, "Eine Meldung", Instant.now().minusSeconds(60));
        content.event(quiet, "Ein Termin", Instant.now().plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(1)).plusSeconds(3600));
        content.survey(quiet, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(9)),
                "AFTER_VOTING");
        busy = content.project("Großprojekt", "OTHER", List.of("CULTURE"), List.of(
                TestContent.phase("INFORMATION", java.time.LocalDate.now().minusDays(20), java.time.LocalDate.now())));
        for (int i = 0; i < 60; i++) {
            content.news(busy, "Meldung " + i, Instant.now().minusSeconds(600 + i));
            content.event(busy, "Termin " + i, Instant.now().plus(Duration.ofDays(i - 30)),
                    Instant.now().plus(Duration.ofDays(i - 30)).plusSeconds(3600));
        }
        for (int i = 0; i < 8; i++) {
            content.survey(busy, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(9)),
                    "AFTER_VOTING");
            node.components().projects().addLink(busy.id(), new ProjectInput.LinkInput("Dokument " + i,
                    "https://musterstadt.example/" + i + ".pdf"));
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** Statements prepared while serving one GET (visitor without session: no session lookup). */
    private static List<String> statementsFor(TestBrowser browser, String path) {
        int mark = node.statements().mark();
        TestBrowser.Response r = browser.get(path);
        assertEquals(200, r.status(), path);
        return node.statements().since(mark);
    }

    @Test
    void projectListIsOneQueryWhateverTheFilterOrPage() {
        TestBrowser browser = node.browser();
        browser.get("/");
        List<String> first = statementsFor(browser, "/projekte");
        assertEquals(1, first.size(), first.toString());
        assertEquals(ProjectPages.PAGE_SIZE, Jsoup.parse(browser.get("/projekte").body()).select("li.ok-card").size());
        assertEquals(1, statementsFor(browser, "/projekte?thema=verkehr").size());
        assertEquals(1, statementsFor(browser, "/projekte?phase=beteiligung&art=bauleitplanung").size());
        assertEquals(1, statementsFor(browser, "/projekte?nach=1000").size());
    }

    @Test
    void projectPageIsAFixedNumberOfQueries() {
        TestBrowser browser = node.browser();
        browser.get("/");
        List<String> small = statementsFor(browser, quiet.path());
        List<String> large = statementsFor(browser, busy.path());
        assertEquals(small.size(), large.size(), "60 news, 60 events, 8 surveys cost no extra query:\n" + large);
        assertEquals(5, large.size(), "project with phases, links and which parts it has; news; upcoming and past "
                + "events; surveys; comments (no statements: not read): " + large);
        String page = browser.get(busy.path()).body();
        assertTrue(page.contains("Meldung 0") && page.contains("Dokument 7"));
    }

    @Test
    void aProjectPageReadsOnlyThePartsTheProjectHas() {
        Project bare = content.project("Nur eine Idee", "OTHER", List.of(), List.of(
                TestContent.phase("INFORMATION", java.time.LocalDate.now().minusDays(2), java.time.LocalDate.now())));
        TestBrowser browser = node.browser();
        browser.get("/");
        List<String> statements = statementsFor(browser, bare.path());
        assertEquals(2, statements.size(), "the project with its parts, its comments: " + statements);
        // A part that appears is read (and shown) on the very next view.
        content.event(bare, "Erster Termin", Instant.now().plus(Duration.ofDays(3)),
                Instant.now().plus(Duration.ofDays(3)).plusSeconds(3600));
        content.news(bare, "Erste Meldung", Instant.now().minusSeconds(5));
        List<String> after = statementsFor(browser, bare.path());
        assertEquals(4, after.size(), after.toString());
        String page = browser.get(bare.path()).body();
        assertTrue(page.contains("Erster Termin") && page.contains("Erste Meldung"));
        node.sql().update("""
                INSERT INTO statement (target_kind, target_id, remote_actor, remote_name, remote_url, ap_id, body_html,
                                       created_at, updated_at)
                VALUES ('project', ?, 'https://verband.example/actor', 'Umweltverband', 'https://verband.example/',
                        'https://verband.example/s/1', '<p>Unsere Stellungnahme zum Projekt</p>', now(), now())""",
                bare.id());
        assertEquals(5, statementsFor(browser, bare.path()).size());
        assertTrue(browser.get(bare.path()).body().contains("Unsere Stellungnahme zum Projekt"));
    }

    @Test
    void projectAndNewsPagesDoNotGrowWithComments() {
        Project p = content.project("Viel diskutiert");
        News n = content.news(p, "Viel kommentiert", Instant.now().minusSeconds(60));
        TestBrowser browser = node.browser();
        browser.get("/");
        List<String> projectBefore = statementsFor(browser, p.path());
        List<String> newsBefore = statementsFor(browser, n.path());
        node.sql().update("""
                INSERT INTO account (email, display_name, username, password_hash)
                VALUES ('vielschreiber@example.org', 'Vielschreiber', 'vielschreiber', 'x')""");
        for (String[] target : new String[][] {{"project", String.valueOf(p.id())}, {"news", String.valueOf(n.id())}}) {
            node.sql().update("""
                    INSERT INTO comment (target_kind, target_id, author_account_id, body_markdown, body_html)
                    SELECT ?, ?, (SELECT id FROM account WHERE username = 'vielschreiber'), 'Text ' || g,
                           '<p>Text ' || g || '</p>'
                    FROM generate_series(1, 300) g""", target[0], Long.parseLong(target[1]));
        }
        // The first view after new comments reads their bodies once (one statement for all 300).
        List<String> projectCold = statementsFor(browser, p.path());
        List<String> newsCold = statementsFor(browser, n.path());
        assertEquals(projectBefore.size() + 1, projectCold.size(), projectCold.toString());
        assertEquals(newsBefore.size() + 1, newsCold.size(), newsCold.toString());
        assertTrue(projectCold.getLast().contains("c.id = ANY"), projectCold.getLast());
        List<String> projectAfter = statementsFor(browser, p.path());
        List<String> newsAfter = statementsFor(browser, n.path());
        assertEquals(projectBefore.size(), projectAfter.size(), projectAfter.toString());
        assertEquals(newsBefore.size(), newsAfter.size(), newsAfter.toString());
        assertEquals(2, newsAfter.size(), "the post, its thread: " + newsAfter);
        assertTrue(browser.get(n.path()).body().contains("Text 300"));
    }

    @Test
    void otherPagesAreBounded() {
        TestBrowser browser = node.browser();
        browser.get("/");
        assertEquals(3, statementsFor(browser, "/").size(), "home: current projects, next events, neighbourhood");
        assertEquals(1, statementsFor(browser, "/termine").size());
        assertEquals(2, statementsFor(browser, "/feed.atom").size(), "projects, news");
        assertEquals(2, statementsFor(browser, busy.path() + "/feed.atom").size(), "project, its news");
        assertEquals(2, statementsFor(browser, busy.path() + "/neuigkeiten").size(), "project, a page of news");
    }

    @Test
    void surveyResultsDoNotGrowWithResponses() {
        var survey = content.survey(busy, Instant.now().minus(Duration.ofDays(2)), Instant.now().minusSeconds(1),
                "AFTER_VOTING");
        TestBrowser browser = node.browser();
        browser.get("/");
        // Warm-up: the first view may fill per-node caches once; steady state is what must not grow.
        statementsFor(browser, survey.path() + "/ergebnisse");
        List<String> empty = statementsFor(browser, survey.path() + "/ergebnisse");
        // 500 responses with an answer to every question, written in bulk.
        node.sql().update("""
                INSERT INTO account (email, display_name, username, password_hash)
                SELECT 'waehler' || g || '@example.org', 'W' || g, 'waehler' || g, 'x' FROM generate_series(1, 500) g""");
        node.sql().update("""
                INSERT INTO survey_response (survey_id, responder_account_id)
                SELECT ?, id FROM account WHERE username LIKE 'waehler%'""", survey.id());
        node.sql().update("""
                INSERT INTO survey_answer (response_id, question_id, option_id, text)
                SELECT r.id, q.id, (SELECT o.id FROM survey_option o WHERE o.question_id = q.id
                                    ORDER BY o.position LIMIT 1), CASE WHEN q.kind = 'TEXT' THEN 'Antwort ' || r.id END
                FROM survey_response r JOIN survey_question q ON q.survey_id = r.survey_id
                WHERE r.survey_id = ?""", survey.id());
        List<String> full = statementsFor(browser, survey.path() + "/ergebnisse");
        assertEquals(empty.size(), full.size(), full.toString());
        assertTrue(full.size() <= 6, full.toString());
        assertTrue(browser.get(survey.path() + "/ergebnisse").body().contains("500 Personen haben teilgenommen"));
    }

    @Test
    void signedInVisitorsCostOneSessionLookupMore() {
        node.components().accounts().createConfirmed("leser@example.org", "Leser", "leser", "leser-passwort-1",
                de.offenekommune.node.account.Role.CITIZEN);
        TestBrowser browser = node.browser().signIn("leser@example.org", "leser-passwort-1");
        List<String> list = statementsFor(browser, "/projekte");
        assertEquals(2, list.size(), list.toString());
        assertTrue(list.getFirst().contains("session"), list.getFirst());
        // The project page: the session lookup says whether the visitor speaks for a verified
        // organisation (statement form), so signing in costs that one statement and no other.
        TestBrowser anonymous = node.browser();
        anonymous.get("/");
        List<String> project = statementsFor(browser, busy.path());
        assertEquals(statementsFor(anonymous, busy.path()).size() + 1, project.size(), project.toString());
        assertTrue(project.getFirst().contains("verification_attestation"), project.getFirst());
    }
}
