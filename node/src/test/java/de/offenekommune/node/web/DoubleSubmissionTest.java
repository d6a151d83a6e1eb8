package de.offenekommune.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * The same form sent twice at the same moment (a double click, a re-sent request) leaves exactly one
 * record, and both answers lead to it. Create forms carry a one-time key ({@link FormKey}); flags have
 * a unique open flag per account and item. Proposals, supports and survey answers have the same test
 * in their own classes. A form without its key is refused and writes nothing.
 */
class DoubleSubmissionTest {
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static Project project;
    private static long proposal;
    private static long comment;
    private static long survey;

    /** A create form: where it is, where it goes, what it sends, and how to count what it makes. */
    record Form(String name, Account as, String page, String action, Map<String, String> fields, String count,
                boolean keyed) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        node = TestNode.start("Doppelstadt");
        cast = Fixtures.musterstadt(node);
        project = new TestContent(node).project("Doppelt hält nicht besser");
        proposal = Fixtures.proposal(node, cast.anna(), "Ein Vorschlag zum Kommentieren", cast.bauamt());
        comment = node.components().participation().comments().add(cast.ben(), "proposal", proposal, null,
                "Ein Kommentar zum Melden").id();
        survey = new TestContent(node).survey(project, Instant.now().plusSeconds(86_400),
                Instant.now().plusSeconds(30 * 86_400), "AFTER_VOTING").id();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static Stream<Arguments> forms() {
        String later = Instant.now().plusSeconds(7 * 86_400).toString().substring(0, 16);
        String end = Instant.now().plusSeconds(7 * 86_400 + 7200).toString().substring(0, 16);
        return Stream.of(
                new Form("comment", cast.carla(), "/vorschlaege/" + proposal, "/kommentare",
                        Map.of("art", "proposal", "ziel", String.valueOf(proposal), "text", "Nur einmal, bitte."),
                        "SELECT count(*) FROM comment WHERE body_markdown = 'Nur einmal, bitte.'", true),
                new Form("reply", cast.dora(), "/kommentare/" + comment + "/antworten", "/kommentare",
                        Map.of("art", "proposal", "ziel", String.valueOf(proposal), "antwort_auf",
                                String.valueOf(comment), "text", "Eine Antwort, einmal."),
                        "SELECT count(*) FROM comment WHERE body_markdown = 'Eine Antwort, einmal.'", true),
                new Form("project", cast.staff(), "/verwaltung/projekte/neu", "/verwaltung/projekte",
                        Map.of("kind", "OTHER", "title", "Einmaliges Projekt", "summary", "Nur eins davon."),
                        "SELECT count(*) FROM project WHERE title = 'Einmaliges Projekt'", true),
                new Form("news", cast.staff(), "/verwaltung/projekte/" + project.id() + "/neuigkeiten/neu",
                        "/verwaltung/projekte/" + project.id() + "/neuigkeiten",
                        Map.of("title", "Einmalige Meldung", "summary", "Nur eine."),
                        "SELECT count(*) FROM project_news WHERE title = 'Einmalige Meldung'", true),
                new Form("event", cast.staff(), "/verwaltung/termine/neu", "/verwaltung/termine",
                        Map.of("title", "Einmalige Versammlung", "startsAt", later, "endsAt", end,
                                "placeName", "Rathaus"),
                        "SELECT count(*) FROM event WHERE title = 'Einmalige Versammlung'", true),
                new Form("addressee", cast.staff(), "/admin/adressaten/neu", "/admin/adressaten",
                        Map.of("name", "Seniorenbeirat", "kind", "COMMITTEE", "description", "", "email", "",
                                "account", ""),
                        "SELECT count(*) FROM addressee WHERE name = 'Seniorenbeirat'", true),
                new Form("phase", cast.staff(), "/verwaltung/projekte/" + project.id() + "/phasen/neu",
                        "/verwaltung/projekte/" + project.id() + "/phasen",
                        Map.of("kind", "EVALUATION", "title", "Einmalige Auswertung", "description", "",
                                "startsOn", later.substring(0, 10), "endsOn", end.substring(0, 10)),
                        "SELECT count(*) FROM project_phase WHERE title = 'Einmalige Auswertung'", true),
                new Form("link", cast.staff(), "/verwaltung/projekte/" + project.id() + "/links/neu",
                        "/verwaltung/projekte/" + project.id() + "/links",
                        Map.of("title", "Einmaliger Plan", "url", "https://example.org/einmal.pdf"),
                        "SELECT count(*) FROM project_link WHERE title = 'Einmaliger Plan'", true),
                new Form("question", cast.staff(), "/verwaltung/umfragen/" + survey + "/fragen/neu",
                        "/verwaltung/umfragen/" + survey + "/fragen",
                        Map.of("kind", "TEXT", "text", "Eine einmalige Frage?", "required", "", "options", ""),
                        "SELECT count(*) FROM survey_question WHERE text = 'Eine einmalige Frage?'", true),
                new Form("flag", cast.anna(), "/melden?art=comment&id=" + comment, "/melden",
                        Map.of("art", "comment", "id", String.valueOf(comment), "reason", "Unsachlich"),
                        "SELECT count(*) FROM moderation_flag WHERE target_kind = 'comment' AND target_id = "
                                + comment, false)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void twoIdenticalConcurrentPostsLeaveOneRecord(Form form) throws Exception {
        TestBrowser browser = node.browser().signIn(form.as().email(), Fixtures.PASSWORD);
        long before = node.sql().count(form.count());

        if (form.keyed()) {
            browser.get(form.page());
            TestBrowser.Response noKey = browser.post(form.action(), withoutKey(browser, form));
            assertEquals(400, noKey.status(), "a form without its key: " + noKey.body());
            assertTrue(noKey.body().contains("Das Formular ist unvollständig."), noKey.body());
            assertEquals(before, node.sql().count(form.count()), "nothing written without a key");
        }

        browser.get(form.page());
        Map<String, String> fields = browser.withCsrf(form.fields());
        assertEquals(form.keyed(), fields.containsKey("key"), "the form page carries a one-time key");
        List<TestBrowser.Response> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<TestBrowser.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return browser.post(form.action(), fields);
                }));
            }
            go.countDown();
            for (Future<TestBrowser.Response> f : sent) {
                answers.add(f.get());
            }
        }
        TestBrowser.Response again = browser.post(form.action(), fields);
        answers.add(again);

        assertEquals(before + 1, node.sql().count(form.count()), "exactly one record from three identical posts");
        for (TestBrowser.Response r : answers) {
            assertEquals(303, r.status(), r.body());
        }
        if (form.keyed()) {
            String first = target(answers.getFirst());
            for (TestBrowser.Response r : answers) {
                assertEquals(first, target(r), "every answer leads to the one record");
            }
        }
    }

    private static Map<String, String> withoutKey(TestBrowser browser, Form form) {
        Map<String, String> fields = new HashMap<>(browser.withCsrf(form.fields()));
        fields.remove("key");
        return fields;
    }

    /** Where an answer leads, without the notice (the first says "saved", the repeats too). */
    private static String target(TestBrowser.Response r) {
        return r.location().replaceAll("\\?hinweis=[a-z-]+", "");
    }
}
