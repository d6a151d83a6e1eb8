package de.offenekommune.node.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.ProposalKit;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestMail;
import de.offenekommune.node.testing.TestNode;

/**
 * Staff or the addressee answer a proposal: status and answer on the page, mails to the author and the
 * supporters; everybody else is refused.
 */
class ProposalAnswerTest {
    private static ProposalKit kit;
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        kit = ProposalKit.start("Antwortstadt", 2);
        node = kit.node();
        cast = kit.cast();
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    @Test
    void staffAnswerIsShownAndTheAuthorAndSupportersAreMailed() {
        long id = Fixtures.proposal(node, cast.dora(), "Hundewiese im Auenpark", cast.umwelt());
        kit.support(kit.as(cast.ben()), id);
        kit.support(kit.as(cast.dora()), id);
        TestBrowser staff = kit.as(cast.staff());
        assertTrue(staff.get("/vorschlaege/" + id).body().contains("Stand ändern und antworten"));

        var review = staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "IN_REVIEW")));
        assertEquals("/vorschlaege/" + id + "?hinweis=proposal-status-saved", review.location());
        TestMail.Received authorReview = kit.awaitMail("dora@example.org", m -> m.body().contains("In Prüfung"));
        assertEquals("Neuer Stand zu Ihrem Vorschlag „Hundewiese im Auenpark“", authorReview.subject());
        assertTrue(authorReview.body().startsWith("Hallo Dora Wolf,"), authorReview.body());
        assertTrue(authorReview.body().contains("einen neuen Stand: In Prüfung."), authorReview.body());

        String answer = "Der Ausschuss hat zugestimmt. Die Wiese wird **im Frühjahr** eingezäunt.";
        var answered = staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "ANSWERED",
                "outcome", "ACCEPTED", "answer", answer)));
        assertEquals(303, answered.status(), answered.body());

        String page = node.browser().get("/vorschlaege/" + id).body();
        assertTrue(page.contains("Offizielle Antwort"), page);
        assertTrue(page.contains("Beantwortet: angenommen"));
        assertTrue(page.contains("Die Wiese wird <strong>im Frühjahr</strong> eingezäunt."));
        assertTrue(page.contains("Antwort von Petra Amtmann"));
        assertFalse(page.contains("Vorschlag unterstützen"), "an answered proposal takes no more supports");

        TestMail.Received toAuthor = kit.awaitMail("dora@example.org", m -> m.body().contains("angenommen"));
        assertEquals("Neuer Stand zu Ihrem Vorschlag „Hundewiese im Auenpark“", toAuthor.subject());
        assertTrue(toAuthor.body().contains("Beantwortet: angenommen"), toAuthor.body());
        assertTrue(toAuthor.body().contains("Antwort von Petra Amtmann am"), toAuthor.body());
        assertTrue(toAuthor.body().contains(answer), toAuthor.body());
        assertTrue(toAuthor.body().contains(node.url("/vorschlaege/" + id)));
        TestMail.Received toSupporter = kit.awaitMail("ben@example.org",
                m -> m.body().contains("Hundewiese") && m.body().contains("angenommen"));
        assertEquals("Neuer Stand zu einem Vorschlag, den Sie unterstützen", toSupporter.subject());
        assertTrue(toSupporter.body().startsWith("Hallo Ben Becker,"), toSupporter.body());
        assertTrue(toSupporter.body().contains(answer));

        var backToReview = staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "IN_REVIEW")));
        assertEquals(409, backToReview.status());
        assertEquals("ANSWERED", kit.status(id));
        assertEquals(2, kit.count("SELECT count(*) FROM mail_outbox WHERE recipient = 'dora@example.org' "
                + "AND body LIKE '%Hundewiese%'"), "the author who also supports is told once per change");
    }

    @Test
    void theLinkedAccountOfAnAddresseeMayAnswerOthersMayNot() {
        long id = Fixtures.proposal(node, cast.anna(), "Sitzungen des Stadtrats im Livestream", cast.stadtrat());
        TestBrowser carla = kit.as(cast.carla());
        assertFalse(carla.get("/vorschlaege/" + id).body().contains("Stand ändern und antworten"));
        var refused = carla.post("/vorschlaege/" + id + "/status", carla.withCsrf(Map.of("status", "ANSWERED",
                "outcome", "ACCEPTED", "answer", "Ich entscheide das.")));
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("Nur die Verwaltung und die Adressaten"), refused.body());
        assertEquals("SUBMITTED", kit.status(id));

        TestBrowser mueller = kit.as(cast.mueller());
        assertTrue(mueller.get("/vorschlaege/" + id).body().contains("Stand ändern und antworten"));
        var answered = mueller.post("/vorschlaege/" + id + "/status", mueller.withCsrf(Map.of("status", "ANSWERED",
                "outcome", "PARTLY", "answer", "Wir beginnen mit den Haushaltssitzungen.")));
        assertEquals(303, answered.status(), answered.body());
        String page = node.browser().get("/vorschlaege/" + id).body();
        assertTrue(page.contains("Antwort von Stadtrat Müller (Fraktion A)"), page);
        assertTrue(page.contains("Beantwortet: teilweise angenommen"));

        long other = Fixtures.proposal(node, cast.anna(), "Neue Bushaltestelle am Friedhof", cast.bauamt());
        var notHis = mueller.post("/vorschlaege/" + other + "/status", mueller.withCsrf(Map.of("status", "IN_REVIEW")));
        assertEquals(403, notHis.status(), "an addressee answers only proposals addressed to it");
        assertEquals("SUBMITTED", kit.status(other));
    }

    @Test
    void answerFormErrorsAre400AndChangeNothing() {
        long id = Fixtures.proposal(node, cast.anna(), "Bessere Beleuchtung am Bahnhof", cast.bauamt());
        TestBrowser staff = kit.as(cast.staff());
        staff.get("/vorschlaege/" + id);
        var noOutcome = staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "ANSWERED",
                "answer", "Ja.")));
        assertEquals(400, noOutcome.status());
        assertTrue(noOutcome.body().contains("Bitte wählen Sie ein Ergebnis."), noOutcome.body());
        var noText = staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "ANSWERED",
                "outcome", "DONE", "answer", " ")));
        assertEquals(400, noText.status());
        assertTrue(noText.body().contains("Bitte schreiben Sie eine Antwort."));
        assertEquals(400, staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "SUBMITTED")))
                .status());
        assertEquals(400, staff.post("/vorschlaege/" + id + "/status", staff.withCsrf(Map.of("status", "ANSWERED",
                "outcome", "ACCEPTED", "answer", "[klick](javascript:alert(1))"))).status());
        assertEquals(404, staff.post("/vorschlaege/999999/status", staff.withCsrf(Map.of("status", "IN_REVIEW")))
                .status());
        assertEquals("SUBMITTED", kit.status(id));
    }
}
