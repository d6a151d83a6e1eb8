package de.offenekommune.node.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.addressee.Addressee;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.FormBody;
import de.offenekommune.node.testing.ProposalKit;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestMail;
import de.offenekommune.node.testing.TestNode;

/** A citizen writes a proposal: the addressees are mailed; bad, anonymous, unconfirmed and repeated submissions. */
class ProposalSubmissionTest {
    private static ProposalKit kit;
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        kit = ProposalKit.start("Einreichstadt", 2);
        node = kit.node();
        cast = kit.cast();
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    @Test
    void citizenWritesProposalAndTheAddresseesAreMailed() {
        TestBrowser anna = kit.as(cast.anna());
        long id = kit.idOf(kit.submit(anna, "Radweg zum Schulzentrum", cast.bauamt(), cast.umwelt()));

        String page = node.browser().get("/vorschlaege/" + id).body();
        assertTrue(page.contains("<h1 class=\"kern-heading-large\">Radweg zum Schulzentrum</h1>"), page);
        assertTrue(page.contains("Ein sicherer Radweg zwischen Bahnhof und Schulzentrum."));
        assertTrue(page.contains("<strong>gefährlich</strong>"), "Markdown is rendered");
        assertTrue(page.contains("rel=\"nofollow ugc noopener noreferrer\""), "links are marked");
        assertTrue(page.contains("Bauamt") && page.contains("Ausschuss für Umwelt und Verkehr"));
        assertTrue(page.contains("Von Anna Schmidt"));
        assertTrue(page.contains("Noch 2 Unterstützungen bis zum"), page);
        assertTrue(page.contains("Eingereicht"));

        TestMail.Received toBauamt = kit.awaitMail("bauamt@example.org",
                m -> m.subject().endsWith("Radweg zum Schulzentrum"));
        assertEquals("Neuer Vorschlag an Bauamt: Radweg zum Schulzentrum", toBauamt.subject());
        assertTrue(toBauamt.body().contains("Anna Schmidt hat auf der Beteiligungsplattform Einreichstadt"),
                toBauamt.body());
        assertTrue(toBauamt.body().contains("Ein sicherer Radweg zwischen Bahnhof und Schulzentrum."));
        assertTrue(toBauamt.body().contains("Thema: Verkehr"));
        assertEquals(node.url("/vorschlaege/" + id), toBauamt.link("/vorschlaege/"));
        assertTrue(toBauamt.body().contains("2 Unterstützungen"), toBauamt.body());
        TestMail.Received toCommittee = kit.awaitMail("umwelt@example.org",
                m -> m.subject().endsWith("Radweg zum Schulzentrum"));
        assertEquals("Neuer Vorschlag an Ausschuss für Umwelt und Verkehr: Radweg zum Schulzentrum",
                toCommittee.subject());
        assertEquals(2, kit.count("SELECT count(*) FROM proposal_addressee WHERE proposal_id = ?", id));
    }

    @Test
    void anonymousAndUnconfirmedVisitorsCannotWrite() {
        long before = kit.proposals();
        TestBrowser anonymous = node.browser();
        var form = anonymous.get("/vorschlaege/neu");
        assertEquals(303, form.status());
        assertEquals("/anmelden?weiter=%2Fvorschlaege%2Fneu", form.location());
        anonymous.get("/vorschlaege");
        var post = kit.form("x".repeat(24), "Anonymer Vorschlag", cast.bauamt()).postTo(anonymous, "/vorschlaege");
        assertEquals(401, post.status());
        long someProposal = Fixtures.proposal(node, cast.anna(), "Ein Vorschlag zum Unterstützen", cast.bauamt());
        before = kit.proposals();
        assertEquals(401, anonymous.post("/vorschlaege/" + someProposal + "/unterstuetzen",
                anonymous.withCsrf(Map.of())).status());

        node.components().accounts().register(new de.offenekommune.node.account.AccountService.Registration(
                "unbestaetigt@example.org", "Ulla Unbestätigt", "ulla", "ein-langes-passwort",
                java.util.Locale.GERMAN));
        Account ulla = node.components().accounts().byEmail("unbestaetigt@example.org").orElseThrow();
        assertFalse(ulla.confirmed());
        TestBrowser unconfirmed = node.browser();
        String session = node.components().sessions().start(ulla, "test");
        java.net.HttpCookie cookie = new java.net.HttpCookie(de.offenekommune.node.web.Cookies.SESSION, session);
        cookie.setPath("/");
        cookie.setVersion(0);
        unconfirmed.cookieManager().getCookieStore().add(node.baseUrl(), cookie);
        var refused = kit.submit(unconfirmed, "Unbestätigter Vorschlag", cast.bauamt());
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."), refused.body());
        assertEquals(403, unconfirmed.post("/vorschlaege/" + someProposal + "/unterstuetzen",
                unconfirmed.withCsrf(Map.of())).status());
        assertEquals(before, kit.proposals());
        assertEquals(0, kit.supportRows(someProposal));
    }

    @Test
    void invalidProposalsAre400WithFieldErrorsAndWriteNothing() {
        TestBrowser anna = kit.as(cast.anna());
        long before = kit.proposals();
        long mails = kit.outbox();
        Addressee closed = node.components().participation().addressees().byId(node.components().participation()
                .addressees().create(cast.staff(), new de.offenekommune.node.addressee.AddresseeService.Input(
                        "Ehemaliger Ortsbeirat", "COMMITTEE", "", "", ""))).orElseThrow();
        node.components().participation().addressees().setActive(cast.staff(), closed.id(), false);
        List<Map.Entry<String, FormBody>> cases = new java.util.ArrayList<>();
        String key = "k".repeat(30);
        String bauamt = String.valueOf(cast.bauamt().id());
        cases.add(Map.entry("Der Titel braucht mindestens 5 Zeichen.", kit.form(key, "", cast.bauamt())));
        cases.add(Map.entry("Der Titel darf höchstens 150 Zeichen haben.",
                kit.form(key, "T".repeat(151), cast.bauamt())));
        cases.add(Map.entry("Bitte wählen Sie mindestens einen Adressaten.", kit.form(key, "Ohne Adressat")));
        cases.add(Map.entry("Diesen Adressaten gibt es nicht oder nicht mehr.", kit.form(key, "Unbekannter Adressat")
                .add("addressees", "999999")));
        cases.add(Map.entry("Diesen Adressaten gibt es nicht oder nicht mehr.", kit.form(key, "Kaputte Adressaten-Id")
                .add("addressees", "abc")));
        cases.add(Map.entry("Diesen Adressaten gibt es nicht oder nicht mehr.", kit.form(key, "Inaktiver Adressat",
                closed)));
        cases.add(Map.entry("Links müssen mit https://, http:// oder mailto: beginnen.", new FormBody().add("key", key)
                .add("title", "Böser Link").add("summary", "Eine ausreichend lange Zusammenfassung.")
                .add("body", "Bitte [hier klicken](javascript:alert(1)).").add("topic", "ENVIRONMENT")
                .add("addressees", bauamt)));
        cases.add(Map.entry("Bilder können Sie hier nicht einbinden.", new FormBody().add("key", key)
                .add("title", "Mit Bild").add("summary", "Eine ausreichend lange Zusammenfassung.")
                .add("body", "![Bild](https://example.org/x.png)").add("topic", "ENVIRONMENT").add("addressees", bauamt)));
        cases.add(Map.entry("Bitte wählen Sie ein Thema.", new FormBody().add("key", key).add("title", "Ohne Thema")
                .add("summary", "Eine ausreichend lange Zusammenfassung.").add("body", "Text").add("topic", "FUSSBALL")
                .add("addressees", bauamt)));
        cases.add(Map.entry("Die Zusammenfassung darf höchstens 500 Zeichen haben.", new FormBody().add("key", key)
                .add("title", "Zu lange Zusammenfassung").add("summary", "z".repeat(501)).add("body", "Text")
                .add("topic", "ENVIRONMENT").add("addressees", bauamt)));
        cases.add(Map.entry("Bitte beschreiben Sie Ihren Vorschlag.", new FormBody().add("key", key)
                .add("title", "Ohne Text").add("summary", "Eine ausreichend lange Zusammenfassung.").add("body", "  ")
                .add("topic", "ENVIRONMENT").add("addressees", bauamt)));
        for (var c : cases) {
            anna.get("/vorschlaege/neu");
            var r = c.getValue().postTo(anna, "/vorschlaege");
            assertEquals(400, r.status(), c.getKey());
            assertTrue(r.body().contains(c.getKey()), c.getKey() + "\n" + r.body());
            assertTrue(r.body().contains("aria-invalid=\"true\"") || r.body().contains("kern-fieldset--error"),
                    "the field is marked: " + c.getKey());
            assertTrue(r.body().contains("Bitte prüfen Sie Ihre Eingaben"), "error summary: " + c.getKey());
        }
        anna.get("/vorschlaege/neu");
        var control = kit.form(key, "Gültiger Vorschlag", cast.bauamt()).postTo(anna, "/vorschlaege");
        assertEquals(303, control.status(), "control: the same form with valid fields works");
        before++;
        anna.get("/vorschlaege/neu");
        var noKey = new FormBody().add("title", "Ohne Schlüssel")
                .add("summary", "Eine ausreichend lange Zusammenfassung.")
                .add("body", "Text").add("topic", "ENVIRONMENT").add("addressees", String.valueOf(cast.bauamt().id()))
                .postTo(anna, "/vorschlaege");
        assertEquals(400, noKey.status());
        anna.get("/vorschlaege/neu");
        assertEquals(400, anna.postRaw("/vorschlaege", "application/x-www-form-urlencoded",
                "_csrf=" + anna.csrf() + "&title=" + "x".repeat(3000)).status(), "oversize field");
        assertEquals(before, kit.proposals());
        assertEquals(mails + 1, kit.outbox(), "only the control proposal mailed its addressee");
    }

    @Test
    void theSameFormSentTwiceMakesOneProposal() throws Exception {
        TestBrowser ben = kit.as(cast.ben());
        String key = Fixtures.formKey(ben.get("/vorschlaege/neu").body());
        long before = kit.proposals();
        var first = kit.form(key, "Doppelt abgeschickter Vorschlag", cast.bauamt()).postTo(ben, "/vorschlaege");
        var second = kit.form(key, "Doppelt abgeschickter Vorschlag", cast.bauamt()).postTo(ben, "/vorschlaege");
        assertEquals(303, first.status());
        assertEquals(303, second.status());
        assertEquals(first.location().replaceAll("\\?.*", ""), second.location().replaceAll("\\?.*", ""));
        assertEquals(before + 1, kit.proposals());

        String key2 = Fixtures.formKey(ben.get("/vorschlaege/neu").body());
        String csrf = ben.csrf();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<TestBrowser.Response>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return ben.postRaw("/vorschlaege", "application/x-www-form-urlencoded",
                            kit.form(key2, "Gleichzeitig abgeschickt", cast.umwelt()).add("_csrf", csrf).encode());
                }));
            }
            go.countDown();
            java.util.Set<String> locations = new java.util.HashSet<>();
            for (var f : results) {
                assertEquals(303, f.get().status());
                locations.add(f.get().location().replaceAll("\\?.*", ""));
            }
            assertEquals(1, locations.size());
        }
        assertEquals(before + 2, kit.proposals());
        assertEquals(1, kit.count("SELECT count(*) FROM mail_outbox WHERE subject = ?",
                "Neuer Vorschlag an Ausschuss für Umwelt und Verkehr: Gleichzeitig abgeschickt"));
    }

    @Test
    void deletedAndUnknownProposals() {
        long id = Fixtures.proposal(node, cast.anna(), "Ein zurückgezogener Vorschlag", cast.bauamt());
        node.sql().update("UPDATE proposal SET deleted_at = now() WHERE id = ?", id);
        assertEquals(410, node.browser().get("/vorschlaege/" + id).status());
        assertEquals(404, node.browser().get("/vorschlaege/99999999").status());
        assertEquals(400, node.browser().get("/vorschlaege/abc").status());
        TestBrowser ben = kit.as(cast.ben());
        ben.get("/vorschlaege");
        assertEquals(410, ben.post("/vorschlaege/" + id + "/unterstuetzen", ben.withCsrf(Map.of())).status());
    }
}
