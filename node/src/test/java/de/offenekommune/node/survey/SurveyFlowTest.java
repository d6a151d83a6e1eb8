package de.offenekommune.node.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/** Taking part in surveys over real HTTP: once per account, only while open, results per the visibility rule, CSV. */
class SurveyFlowTest {
    private static final String PASSWORD = "citizen-passwort-1";
    private static final AtomicInteger CITIZENS = new AtomicInteger();
    private static TestNode node;
    private static TestContent content;
    private static Project project;

    @BeforeAll
    static void start() {
        node = TestNode.start("Umfragestadt");
        content = new TestContent(node);
        project = content.project("Neugestaltung Marktplatz");
        node.components().accounts().createConfirmed("staff@example.org", "Bauamt", "bauamt", "staff-passwort-1",
                Role.STAFF);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static TestBrowser citizen() {
        int n = CITIZENS.incrementAndGet();
        node.components().accounts().createConfirmed("buerger" + n + "@example.org", "Bürger " + n, "buerger" + n,
                PASSWORD, Role.CITIZEN);
        return node.browser().signIn("buerger" + n + "@example.org", PASSWORD);
    }

    private static TestBrowser staff() {
        return node.browser().signIn("staff@example.org", "staff-passwort-1");
    }

    private static Survey open(String visibility) {
        return content.survey(project, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(7)),
                visibility);
    }

    private static List<Question> questions(Survey s) {
        return node.components().surveys().get(s.id()).questions();
    }

    /** Answers: option labels for choice questions, the text for free text. */
    private static Map<String, List<String>> answers(Survey s, String single, List<String> multiple, String text) {
        List<Question> q = questions(s);
        Map<String, List<String>> a = new HashMap<>();
        a.put(q.get(0).field(), single == null ? List.of() : List.of(id(q.get(0), single)));
        a.put(q.get(1).field(), multiple.stream().map(m -> id(q.get(1), m)).toList());
        a.put(q.get(2).field(), text == null ? List.of() : List.of(text));
        return a;
    }

    private static String id(Question q, String label) {
        return String.valueOf(q.choices().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow().id());
    }

    private static TestBrowser.Response answer(TestBrowser browser, Survey s, Map<String, List<String>> answers) {
        browser.get(s.path());
        StringBuilder body = new StringBuilder("_csrf=").append(browser.csrf());
        answers.forEach((field, values) -> values.forEach(v -> body.append('&').append(field).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return browser.postRaw(s.path(), "application/x-www-form-urlencoded", body.toString());
    }

    private static long responses(Survey s) {
        return node.sql().count("SELECT count(*) FROM survey_response WHERE survey_id = ?", s.id());
    }

    private static long answerRows(Survey s) {
        return node.sql().count("SELECT count(*) FROM survey_answer a JOIN survey_response r ON r.id = a.response_id "
                + "WHERE r.survey_id = ?", s.id());
    }

    @Test
    void formIsAccessibleAndAnAccountAnswersOnce() {
        Survey s = open("AFTER_VOTING");
        TestBrowser anna = citizen();
        Document form = Jsoup.parse(anna.get(s.path()).body());
        List<Element> fieldsets = form.select("form fieldset.kern-fieldset");
        assertEquals(2, fieldsets.size(), "one fieldset per choice question");
        assertEquals("Gefällt Ihnen der Entwurf?", fieldsets.get(0).selectFirst("legend").text());
        assertEquals(3, fieldsets.get(0).select("input[type=radio]").size());
        assertEquals(3, fieldsets.get(1).select("input[type=checkbox]").size());
        for (Element input : form.select("form input[type=radio], form input[type=checkbox], form textarea")) {
            assertEquals(1, form.select("label[for=" + input.id() + "]").size(), "label for " + input.id());
        }

        var first = answer(anna, s, answers(s, "Ja", List.of("Bäume", "Brunnen"), "Mehr Schatten bitte"));
        assertEquals(303, first.status(), first.body());
        assertEquals(s.path() + "?hinweis=survey-answered", first.location());
        assertEquals(1, responses(s));
        assertEquals(4, answerRows(s), "one row per chosen option plus the text");

        var second = answer(anna, s, answers(s, "Nein", List.of("Bänke"), "Doch anders"));
        assertEquals(303, second.status());
        assertEquals(s.path() + "?hinweis=survey-already-answered", second.location());
        assertEquals(1, responses(s));
        assertEquals(4, answerRows(s));
        assertEquals(1, node.sql().count("SELECT count(*) FROM survey_answer WHERE text = 'Mehr Schatten bitte'"),
                "the first answers stand");
        Document after = Jsoup.parse(anna.get(s.path() + "?hinweis=survey-already-answered").body());
        assertTrue(after.text().contains("Sie haben an dieser Umfrage schon teilgenommen."));
        assertTrue(after.select("form[action=" + s.path() + "]").isEmpty(), "no form once answered");
    }

    @Test
    void invalidAnswersAreRefusedAndWriteNothing() {
        Survey s = open("AFTER_VOTING");
        TestBrowser ben = citizen();
        var missing = answer(ben, s, answers(s, null, List.of("Bänke"), null));
        assertEquals(400, missing.status());
        Document page = Jsoup.parse(missing.body());
        String field = questions(s).getFirst().field();
        assertEquals("Bitte beantworten Sie diese Frage.", page.selectFirst("#" + field + "-error").text());
        assertTrue(page.selectFirst("input[type=checkbox][checked]") != null, "chosen answers come back");

        Map<String, List<String>> foreign = answers(s, "Ja", List.of(), null);
        foreign.put(field, List.of(id(questions(s).get(1), "Bänke")));
        assertEquals(400, answer(ben, s, foreign).status(), "an option of another question");
        Map<String, List<String>> twoSingles = answers(s, "Ja", List.of(), null);
        twoSingles.put(field, List.of(id(questions(s).get(0), "Ja"), id(questions(s).get(0), "Nein")));
        assertEquals(400, answer(ben, s, twoSingles).status(), "two answers to a single-choice question");
        assertEquals(400, answer(ben, s, answers(s, "Ja", List.of(), "x".repeat(2001))).status());
        assertEquals(0, responses(s));

        TestBrowser anonymous = node.browser();
        Document anonPage = Jsoup.parse(anonymous.get(s.path()).body());
        assertTrue(anonPage.text().contains("Bitte melden Sie sich an"), anonPage.text());
        var anonPost = anonymous.post(s.path(), anonymous.withCsrf(Map.of(field, id(questions(s).get(0), "Ja"))));
        assertEquals(401, anonPost.status());
        assertEquals(0, responses(s));
    }

    @Test
    void closedAndUpcomingSurveysRefuseAnswers() {
        Survey closed = content.survey(project, Instant.now().minus(Duration.ofDays(10)),
                Instant.now().minus(Duration.ofDays(1)), "AFTER_VOTING");
        Survey upcoming = content.survey(project, Instant.now().plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(10)), "AFTER_VOTING");
        TestBrowser cora = citizen();
        for (Survey s : List.of(closed, upcoming)) {
            Document page = Jsoup.parse(cora.get(s.path()).body());
            assertTrue(page.select("form[action=" + s.path() + "]").isEmpty(), "no answer form");
            var r = answer(cora, s, answers(s, "Ja", List.of(), null));
            assertEquals(409, r.status());
            assertTrue(r.body().contains("nimmt zurzeit keine Antworten an"), r.body());
            assertEquals(0, responses(s));
        }
        assertTrue(cora.get(closed.path()).body().contains("Die Umfrage ist beendet."));
    }

    @Test
    void resultsAfterVotingAreShownToVotersStaffAndEveryoneOnceClosed() {
        Survey s = open("AFTER_VOTING");
        TestBrowser voter = citizen();
        TestBrowser other = citizen();
        String results = s.path() + "/ergebnisse";
        assertEquals(403, voter.get(results).status());
        assertTrue(voter.get(results).body().contains("sobald Sie an der Umfrage teilgenommen haben"));

        answer(voter, s, answers(s, "Ja", List.of("Bäume"), "Geheimer Freitext"));
        answer(other, s, answers(s, "Ja", List.of("Bäume", "Bänke"), null));
        TestBrowser third = citizen();
        answer(third, s, answers(s, "Nein", List.of(), null));

        var shown = voter.get(results);
        assertEquals(200, shown.status());
        Document page = Jsoup.parse(shown.body());
        Element table = page.selectFirst("table");
        assertEquals("Ergebnisse zur Frage: Gefällt Ihnen der Entwurf?", table.selectFirst("caption").text());
        assertEquals(3, table.select("thead th[scope=col]").size(), "option, votes, share");
        Map<String, String> row = new HashMap<>();
        for (Element tr : table.select("tbody tr")) {
            row.put(tr.selectFirst("th[scope=row]").text(), tr.select("td").eachText().toString());
        }
        assertEquals("[2, 66,7 %]", row.get("Ja"));
        assertEquals("[1, 33,3 %]", row.get("Nein"));
        assertEquals("[0, 0 %]", row.get("Weiß nicht"));
        assertTrue(page.text().contains("3 Personen haben teilgenommen"), page.text());
        assertFalse(page.text().contains("Geheimer Freitext"), "free texts are for staff only");
        assertTrue(page.select("a[href$=ergebnisse.csv]").isEmpty());

        assertEquals(403, citizen().get(results).status(), "a citizen who has not voted");
        assertEquals(403, node.browser().get(results).status(), "anonymous");
        Document staffPage = Jsoup.parse(staff().get(results).body());
        assertTrue(staffPage.text().contains("Geheimer Freitext"));
        assertEquals(1, staffPage.select("a[href$=ergebnisse.csv]").size());

        Survey closed = content.survey(project, Instant.now().minus(Duration.ofDays(3)),
                Instant.now().minus(Duration.ofSeconds(1)), "AFTER_VOTING");
        assertEquals(200, node.browser().get(closed.path() + "/ergebnisse").status(), "closed: visible to all");
    }

    @Test
    void resultsAfterClosingStayHiddenWhileOpen() {
        Survey s = open("AFTER_CLOSING");
        TestBrowser voter = citizen();
        answer(voter, s, answers(s, "Ja", List.of(), null));
        var r = voter.get(s.path() + "/ergebnisse");
        assertEquals(403, r.status());
        assertTrue(r.body().contains("nach dem Ende der Umfrage veröffentlicht"));
        assertEquals(200, staff().get(s.path() + "/ergebnisse").status());

        Survey closed = content.survey(project, Instant.now().minus(Duration.ofDays(3)),
                Instant.now().minus(Duration.ofSeconds(1)), "AFTER_CLOSING");
        assertEquals(200, node.browser().get(closed.path() + "/ergebnisse").status());
    }

    @Test
    void csvExportForStaffWithQuotingAndBom() throws Exception {
        Survey s = open("AFTER_VOTING");
        answer(citizen(), s, answers(s, "Ja", List.of("Bäume", "Brunnen"), "Schön; aber \"teuer\"\nzweite Zeile"));
        answer(citizen(), s, answers(s, "Weiß nicht", List.of(), "=HYPERLINK(\"http://evil\")"));
        String csvPath = s.path() + "/ergebnisse.csv";

        assertEquals(403, citizen().get(csvPath).status());
        assertEquals(303, node.browser().get(csvPath).status(), "anonymous: sign in first");

        TestBrowser staff = staff();
        java.net.http.HttpResponse<byte[]> raw = java.net.http.HttpClient.newBuilder()
                .cookieHandler(staff.cookieManager()).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url(csvPath))).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, raw.statusCode());
        assertTrue(raw.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(raw.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        byte[] bytes = raw.body();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = parseCsv(csv);
        assertEquals(List.of("Antwort-Nr.", "Eingegangen", "Herkunft", "Gefällt Ihnen der Entwurf?",
                "Was ist Ihnen wichtig?", "Was möchten Sie noch sagen?"), rows.get(0));
        assertEquals(3, rows.size());
        assertEquals("lokal", rows.get(1).get(2));
        assertEquals("Ja", rows.get(1).get(3));
        assertEquals("Bäume, Brunnen", rows.get(1).get(4));
        assertEquals("Schön; aber \"teuer\"\nzweite Zeile", rows.get(1).get(5));
        assertEquals("Weiß nicht", rows.get(2).get(3));
        assertEquals("", rows.get(2).get(4));
        assertEquals("'=HYPERLINK(\"http://evil\")", rows.get(2).get(5), "formulas stay text");
        assertTrue(csv.contains("\"Schön; aber \"\"teuer\"\"\nzweite Zeile\""), csv);
        assertTrue(csv.contains("\r\n"));
    }

    /** A small RFC 4180 reader (semicolon-separated) so the test checks what a spreadsheet would read. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void concurrentDoubleSubmissionLeavesOneResponse() throws Exception {
        Survey s = open("AFTER_VOTING");
        TestBrowser dora = citizen();
        dora.get(s.path());
        String csrf = dora.csrf();
        List<Question> q = questions(s);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        String[] choices = {"Ja", "Nein"};
        for (String choice : choices) {
            results.add(pool.submit(() -> {
                go.await();
                String body = "_csrf=" + csrf + "&" + q.get(0).field() + "=" + id(q.get(0), choice);
                return dora.postRaw(s.path(), "application/x-www-form-urlencoded", body).status();
            }));
        }
        go.countDown();
        for (Future<Integer> f : results) {
            assertEquals(303, f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, responses(s));
        assertEquals(1, answerRows(s), "the answers of exactly one submission");
    }

    @Test
    void staffManageSurveysAndQuestionsUntilTheFirstAnswer() {
        TestBrowser staff = staff();
        String newPath = "/verwaltung/projekte/" + project.id() + "/umfragen/neu";
        Map<String, String> survey = new HashMap<>(Map.of("title", "Spielplatz-Umfrage", "intro", "Ihre Meinung zählt.",
                "opensAt", "2020-01-01T00:00", "closesAt", "2099-01-01T00:00", "resultsVisibility", "AFTER_VOTING"));
        Map<String, String> backwards = new HashMap<>(survey);
        backwards.put("closesAt", "2019-01-01T00:00");
        long before = node.sql().count("SELECT count(*) FROM survey");
        var bad = staff.submit(newPath, "/verwaltung/projekte/" + project.id() + "/umfragen", backwards);
        assertEquals(400, bad.status());
        assertEquals(before, node.sql().count("SELECT count(*) FROM survey"));
        var created = staff.submit(newPath, "/verwaltung/projekte/" + project.id() + "/umfragen", survey);
        assertEquals(303, created.status(), created.body());
        long id = Long.parseLong(created.location().replaceAll("^/verwaltung/umfragen/(\\d+).*$", "$1"));

        String questions = "/verwaltung/umfragen/" + id + "/fragen";
        var oneOption = staff.submit(questions + "/neu", questions,
                Map.of("text", "Welches Spielgerät?", "kind", "SINGLE", "options", "Rutsche"));
        assertEquals(400, oneOption.status());
        assertTrue(oneOption.body().contains("mindestens zwei Antwortmöglichkeiten"));
        var ok = staff.submit(questions + "/neu", questions,
                Map.of("text", "Welches Spielgerät?", "kind", "SINGLE", "options", "Rutsche\r\nSchaukel\r\n\r\nWippe",
                        "required", "on"));
        assertEquals(303, ok.status(), ok.body());
        Question q = node.components().surveys().get(id).questions().getFirst();
        assertEquals(List.of("Rutsche", "Schaukel", "Wippe"), q.choices().stream().map(Choice::label).toList());
        assertTrue(q.required());

        TestBrowser eva = citizen();
        eva.get("/umfragen/" + id);
        assertEquals(303, eva.postRaw("/umfragen/" + id, "application/x-www-form-urlencoded",
                "_csrf=" + eva.csrf() + "&" + q.field() + "=" + q.choices().get(1).id()).status());

        var locked = staff.submit("/verwaltung/fragen/" + q.id(), "/verwaltung/fragen/" + q.id(),
                Map.of("text", "Geändert?", "kind", "TEXT", "options", ""));
        assertEquals(409, locked.status(), "questions are frozen once answers exist");
        assertEquals("Welches Spielgerät?", node.components().surveys().question(q.id()).text());
        assertTrue(staff.get("/verwaltung/umfragen/" + id).body().contains("Es gibt schon Antworten."));
    }
}
