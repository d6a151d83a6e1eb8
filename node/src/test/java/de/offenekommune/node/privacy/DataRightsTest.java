package de.offenekommune.node.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.mail.Mail;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.survey.Question;
import de.offenekommune.node.survey.Survey;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.testing.Verifications;

/**
 * The citizen's data rights on a real node: the export holds their data and nobody else's, and no
 * secrets; a deletion with the wrong password or of the last admin changes nothing; a deletion keeps
 * what others built on without the author, removes the rest, keeps counts, ends sessions, drops mails
 * and leaves the profile answering 410; admins act on written requests through the same paths.
 */
class DataRightsTest {
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static Fediverse fediverse;

    @BeforeAll
    static void start() {
        node = TestNode.start("Datenstadt");
        cast = Fixtures.musterstadt(node);
        fediverse = new Fediverse();
    }

    @AfterAll
    static void stop() {
        node.close();
        fediverse.close();
    }

    private static TestBrowser signIn(Account account) {
        return node.browser().signIn(account.email(), Fixtures.PASSWORD);
    }

    private static Account citizen(String username) {
        return node.components().accounts().createConfirmed(username + "@example.org", "Person " + username, username,
                Fixtures.PASSWORD, Role.CITIZEN);
    }

    private static void queueMail(String to, String subject) {
        node.sql().runInTransaction(tx -> node.components().mail().enqueue(tx, new Mail(to, subject, "Text")));
    }

    @Test
    void exportHoldsTheCitizensOwnDataAndNoSecrets() {
        Account anna = cast.anna();
        long own = Fixtures.proposal(node, anna, "Mehr Bänke am Marktplatz", cast.bauamt());
        long bens = Fixtures.proposal(node, cast.ben(), "Radweg zur Schule", cast.bauamt());
        var comments = node.components().participation().comments();
        comments.add(anna, "proposal", bens, null, "Annas Gedanke zum Radweg");
        comments.add(cast.ben(), "proposal", own, null, "Bens Antwort auf die Bänke");
        node.components().participation().supports().support(anna, bens);
        Project project = new TestContent(node).project("Umfrageprojekt");
        Survey survey = new TestContent(node).survey(project, java.time.Instant.now().minusSeconds(60),
                java.time.Instant.now().plusSeconds(3600), "AFTER_VOTING");
        var sw = node.components().surveys().get(survey.id());
        Question text = sw.questions().getLast();
        Question single = sw.questions().getFirst();
        node.components().responses().submit(sw, anna, Map.of(single.field(),
                List.of(String.valueOf(single.choices().getFirst().id())), text.field(), List.of("Annas Freitext")));
        queueMail(anna.email(), "Ihr Vorschlag ist eingegangen");
        queueMail(cast.ben().email(), "Bens Post");

        TestBrowser browser = signIn(anna);
        TestBrowser.Response page = browser.get("/konto/daten");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Meine Daten herunterladen"));
        TestBrowser.Response file = browser.post("/konto/daten/export", browser.withCsrf(Map.of()));
        assertEquals(200, file.status());
        assertTrue(file.header("Content-Disposition").startsWith("attachment; filename=\"meine-daten-anna.json\""));
        assertEquals("no-store", file.header("Cache-Control"));
        assertTrue(file.header("Content-Type").startsWith("application/json"));

        JsonNode doc = ActivityJson.parse(file.body());
        assertEquals("anna@example.org", doc.path("account").path("email").asText());
        assertEquals("Anna Schmidt", doc.path("account").path("displayName").asText());
        assertTrue(texts(doc.path("proposals"), "title").contains("Mehr Bänke am Marktplatz"));
        assertTrue(texts(doc.path("comments"), "text").contains("Annas Gedanke zum Radweg"));
        assertTrue(texts(doc.path("supports"), "title").contains("Radweg zur Schule"));
        assertTrue(texts(doc.path("surveyAnswers"), "text").contains("Annas Freitext"));
        assertTrue(texts(doc.path("surveyAnswers"), "option").contains("Ja"));
        assertTrue(texts(doc.path("mails"), "subject").contains("Ihr Vorschlag ist eingegangen"));
        assertTrue(doc.path("sessions").size() >= 1, "the session of this very download");
        assertEquals(node.url("/profil/anna"), doc.path("fediverseActor").path("id").asText());
        assertEquals(0, doc.path("fediverseActor").path("followers").asInt());

        String body = file.body();
        assertFalse(body.contains("Bens Antwort"), "another user's comment");
        assertFalse(body.contains("ben@example.org"), "another user's address");
        assertFalse(body.contains("Bens Post"), "another user's mail");
        assertFalse(body.contains("argon2"), "no password hash");
        assertFalse(body.contains("token_hash") || body.contains("tokenHash"), "no token hashes");
    }

    private static List<String> texts(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText())
                .toList();
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndCannotExport() {
        TestBrowser anonymous = node.browser();
        TestBrowser.Response page = anonymous.get("/konto/daten");
        assertEquals(303, page.status());
        assertTrue(page.location().startsWith("/anmelden?weiter="));
        anonymous.get("/");
        assertEquals(401, anonymous.post("/konto/daten/export", anonymous.withCsrf(Map.of())).status());
        assertEquals(401, anonymous.post("/konto/loeschen", anonymous.withCsrf(Map.of("password", "x"))).status());
    }

    @Test
    void wrongPasswordDeletesNothing() {
        Account gerd = citizen("gerd");
        TestBrowser browser = signIn(gerd);
        TestBrowser.Response r = browser.submit("/konto/loeschen", "/konto/loeschen",
                Map.of("password", "falsches-passwort"));
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Das Passwort ist falsch. Es wurde nichts gelöscht."));
        assertTrue(r.body().contains("aria-invalid=\"true\""));
        assertTrue(node.components().accounts().byId(gerd.id()).isPresent());
        assertEquals(200, browser.get("/konto/daten").status(), "still signed in");
        TestBrowser.Response empty = browser.submit("/konto/loeschen", "/konto/loeschen", Map.of());
        assertEquals(400, empty.status());
        assertTrue(node.components().accounts().byId(gerd.id()).isPresent());
    }

    @Test
    void theLastAdminCannotBeDeleted() {
        TestBrowser admin = signIn(cast.admin());
        TestBrowser.Response r = admin.submit("/konto/loeschen", "/konto/loeschen",
                Map.of("password", Fixtures.PASSWORD));
        assertEquals(409, r.status());
        assertTrue(r.body().contains("Das ist das letzte Konto mit der Rolle Administration"));
        assertTrue(node.components().accounts().byId(cast.admin().id()).isPresent());
        assertEquals(200, admin.get("/admin/rollen").status(), "still signed in and still admin");
    }

    @Test
    void deletionKeepsWhatOthersBuiltOnWithoutTheAuthorAndRemovesTheRest() {
        Account hanna = citizen("hanna");
        var comments = node.components().participation().comments();
        var supports = node.components().participation().supports();
        long supported = Fixtures.proposal(node, hanna, "Trinkbrunnen im Park", cast.bauamt());
        supports.support(cast.ben(), supported);
        long lonely = Fixtures.proposal(node, hanna, "Hannas einsamer Vorschlag", cast.bauamt());
        long annas = Fixtures.proposal(node, cast.anna(), "Annas Vorschlag mit Hannas Stimme", cast.bauamt());
        supports.support(hanna, annas);
        long answered = comments.add(hanna, "proposal", annas, null, "Hannas beantworteter Kommentar").id();
        comments.add(cast.carla(), "proposal", annas, answered, "Carlas Antwort an Hanna");
        long unanswered = comments.add(hanna, "proposal", annas, null, "Hannas unbeantworteter Kommentar").id();
        queueMail(hanna.email(), "Post an Hanna");
        // Someone fetched Hanna's actor, so she federated: her deletion is announced.
        assertEquals(200, fediverse.getJson(node.url("/profil/hanna")).status());
        long supportsBefore = node.sql().count("SELECT local_supports FROM proposal WHERE id = ?", annas);
        assertEquals(1, supportsBefore);

        TestBrowser browser = signIn(hanna);
        TestBrowser.Response r = browser.submit("/konto/loeschen", "/konto/loeschen",
                Map.of("password", Fixtures.PASSWORD));
        assertEquals(303, r.status());
        assertEquals("/?hinweis=account-deleted", r.location());

        // signed out everywhere, no sign-in, no sessions, no mails
        assertEquals(303, browser.get("/konto/daten").status());
        assertEquals(0, node.sql().count("SELECT count(*) FROM session WHERE account_id = ?", hanna.id()));
        assertEquals(401, node.browser().submit("/anmelden", "/anmelden",
                Map.of("email", hanna.email(), "password", Fixtures.PASSWORD)).status());
        assertEquals(0, node.sql().count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", hanna.email()));
        assertEquals(0, node.sql().count("SELECT count(*) FROM account WHERE lower(email) = ? OR display_name = ?",
                hanna.email(), hanna.displayName()));

        // the profile is gone (410 for people and for servers), the user name stays reserved
        assertEquals(410, node.browser().get("/profil/hanna").status());
        Fediverse.Answer actor = fediverse.getJson(node.url("/profil/hanna"));
        assertEquals(410, actor.status());
        assertEquals("Tombstone", ActivityJson.parse(actor.body()).path("type").asText());
        assertEquals(1, node.sql().count("SELECT count(*) FROM ap_activity WHERE actor_uri = ? AND type = 'Delete' "
                + "AND body LIKE ?", node.url("/profil/hanna"), "%\"object\":\"" + node.url("/profil/hanna") + "\"%"));

        // kept without author: the supported proposal and the answered comment; counts unchanged
        String supportedPage = node.browser().get("/vorschlaege/" + supported).body();
        assertTrue(supportedPage.contains("Trinkbrunnen im Park"));
        assertTrue(supportedPage.contains("Gelöschtes Konto"));
        assertFalse(supportedPage.contains(hanna.displayName()));
        assertEquals(1, node.sql().count("SELECT local_supports FROM proposal WHERE id = ?", supported));
        assertEquals(1, node.sql().count("SELECT local_supports FROM proposal WHERE id = ?", annas),
                "her support keeps counting, anonymously");
        String annasPage = node.browser().get("/vorschlaege/" + annas).body();
        assertTrue(annasPage.contains("Hannas beantworteter Kommentar"));
        assertTrue(annasPage.contains("Carlas Antwort an Hanna"));
        assertFalse(annasPage.contains("Hannas unbeantworteter Kommentar"));
        assertFalse(annasPage.contains(hanna.displayName()));
        assertEquals(1, node.sql().count("SELECT count(*) FROM comment WHERE id = ? AND deleted_at IS NOT NULL "
                + "AND body_html = ''", unanswered));

        // removed: the proposal nobody built on, text and all
        assertEquals(410, node.browser().get("/vorschlaege/" + lonely).status());
        assertEquals(0, node.sql().count("SELECT count(*) FROM proposal WHERE title LIKE ? OR body_markdown LIKE ?",
                "%einsamer%", "%einsamer%"));

        // nobody can take over the user name (and with it the old actor URL)
        TestBrowser newcomer = node.browser();
        TestBrowser.Response taken = newcomer.submit("/registrieren", "/registrieren", Map.of("email",
                "neu@example.org", "displayName", "Neue Hanna", "username", "hanna", "password", "neues-passwort-1"));
        assertEquals(400, taken.status());
    }

    @Test
    void adminsHandleWrittenRequestsThroughTheSamePaths() {
        Account ida = citizen("ida");
        Fixtures.proposal(node, ida, "Idas Vorschlag für die Bücherei", cast.bauamt());
        TestBrowser staff = signIn(cast.staff());
        assertEquals(403, staff.get("/admin/konten/" + ida.id()).status());
        staff.get("/");
        assertEquals(403, staff.post("/admin/konten/" + ida.id() + "/export", staff.withCsrf(Map.of())).status());
        TestBrowser ownBrowser = signIn(cast.carla());
        ownBrowser.get("/");
        assertEquals(403, ownBrowser.post("/admin/konten/" + ida.id() + "/loeschen",
                ownBrowser.withCsrf(Map.of("password", Fixtures.PASSWORD))).status(),
                "a citizen cannot delete another");
        assertTrue(node.components().accounts().byId(ida.id()).isPresent());

        TestBrowser admin = signIn(cast.admin());
        assertTrue(admin.get("/admin/rollen").body().contains("/admin/konten/" + ida.id()));
        TestBrowser.Response page = admin.get("/admin/konten/" + ida.id());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("ida@example.org"));
        TestBrowser.Response file = admin.post("/admin/konten/" + ida.id() + "/export", admin.withCsrf(Map.of()));
        assertEquals(200, file.status());
        assertEquals("no-store", file.header("Cache-Control"));
        JsonNode doc = ActivityJson.parse(file.body());
        assertEquals("ida@example.org", doc.path("account").path("email").asText());
        assertTrue(texts(doc.path("proposals"), "title").contains("Idas Vorschlag für die Bücherei"));

        TestBrowser.Response wrong = admin.submit("/admin/konten/" + ida.id(), "/admin/konten/" + ida.id()
                + "/loeschen", Map.of("password", "nicht-das-passwort"));
        assertEquals(400, wrong.status());
        assertTrue(node.components().accounts().byId(ida.id()).isPresent());
        TestBrowser.Response done = admin.submit("/admin/konten/" + ida.id(), "/admin/konten/" + ida.id()
                + "/loeschen", Map.of("password", Fixtures.PASSWORD));
        assertEquals(303, done.status());
        assertTrue(node.components().accounts().byId(ida.id()).isEmpty());
        assertEquals(404, admin.get("/admin/konten/" + ida.id()).status());
        assertNotNull(node.sql().one("SELECT deleted_at FROM account WHERE id = ?", r -> r.instant("deleted_at"),
                ida.id()).orElse(null));
    }
    @Test
    void anOrganisationAccountsDeletionDeletesItsActorAndTheContactPerson() {
        Account holder = citizen("jonas");
        Verifications.openRequest(node, holder, "Bürgerverein Nord", "buergerverein.test");
        var org = node.components().organisations().organisations().ofAccount(holder).orElseThrow();
        String actor = node.url(org.path());
        assertEquals(200, fediverse.getJson(actor).status());

        TestBrowser browser = signIn(holder);
        browser.get("/konto/daten");
        JsonNode doc = ActivityJson.parse(browser.post("/konto/daten/export", browser.withCsrf(Map.of())).body());
        assertEquals("Bürgerverein Nord", doc.path("organisation").path("name").asText());

        assertEquals(303, browser.submit("/konto/loeschen", "/konto/loeschen", Map.of("password", Fixtures.PASSWORD))
                .status());
        Fediverse.Answer gone = fediverse.getJson(actor);
        assertEquals(410, gone.status());
        assertEquals("Organization", ActivityJson.parse(gone.body()).path("formerType").asText());
        assertEquals(410, node.browser().get(org.path()).status());
        assertEquals(1, node.sql().count("SELECT count(*) FROM ap_activity WHERE actor_uri = ? AND type = 'Delete'",
                actor));
        assertEquals(0, node.sql().count("SELECT count(*) FROM verification_request WHERE contact_name LIKE ? "
                + "OR contact_email LIKE ?", "%Mustermann%", "%buergerverein%"));
    }
}
