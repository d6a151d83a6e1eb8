package de.offenekommune.node.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/** Flag, queue, hide with a public reason, restore, dismiss, and the public log, over real HTTP. */
class ModerationFlowTest {
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        node = TestNode.start("Moderationsstadt");
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static TestBrowser as(Account account) {
        return node.browser().signIn(account.email(), Fixtures.PASSWORD);
    }

    private static long openFlags(String kind, long id) {
        return node.sql().count("SELECT count(*) FROM moderation_flag WHERE target_kind = ? AND target_id = ? "
                + "AND resolved_at IS NULL", kind, id);
    }

    private static long hidden(String kind, long id) {
        return node.sql().count("SELECT count(*) FROM moderation_hidden WHERE target_kind = ? AND target_id = ?",
                kind, id);
    }

    private static long logged(String kind, long id) {
        return node.sql().count("SELECT count(*) FROM moderation_log WHERE target_kind = ? AND target_id = ?",
                kind, id);
    }

    private static TestBrowser.Response flag(TestBrowser browser, String kind, long id, String reason) {
        return browser.submit("/melden?art=" + kind + "&id=" + id, "/melden",
                Map.of("art", kind, "id", String.valueOf(id), "reason", reason));
    }

    private static TestBrowser.Response decide(TestBrowser staff, String kind, long id, String action, String reason) {
        return staff.submit("/moderation/eintrag?art=" + kind + "&id=" + id, "/moderation/eintrag",
                Map.of("art", kind, "id", String.valueOf(id), "aktion", action, "reason", reason));
    }

    @Test
    void flagQueueHideShowInPlaceLogRestore() {
        long p = Fixtures.proposal(node, cast.anna(), "Parkplätze am Rathaus", cast.bauamt());
        var comment = node.components().participation().comments().add(cast.ben(), "proposal", p, null,
                "Ein unfreundlicher Kommentar mit Beleidigung.");
        long c = comment.id();

        TestBrowser carla = as(cast.carla());
        var flagged = flag(carla, "comment", c, "Das ist eine Beleidigung.");
        assertEquals(303, flagged.status(), flagged.body());
        assertEquals("/kommentare/" + c + "?hinweis=flagged", flagged.location());
        var again = flag(carla, "comment", c, "Noch einmal.");
        assertEquals("/kommentare/" + c + "?hinweis=already-flagged", again.location());
        flag(as(cast.dora()), "comment", c, "Unsachlich");
        assertEquals(2, openFlags("comment", c), "one open flag per account and item");

        TestBrowser staff = as(cast.staff());
        String queue = staff.get("/moderation").body();
        assertTrue(queue.contains("href=\"/moderation/eintrag?art=comment&amp;id=" + c + "\""), queue);
        assertTrue(queue.contains("<li>Das ist eine Beleidigung.</li><li>Unsachlich</li>"), queue);
        assertFalse(queue.contains("Carla Klein") || queue.contains("Dora Wolf"), "reporters stay anonymous");
        String item = staff.get("/moderation/eintrag?art=comment&id=" + c).body();
        assertTrue(item.contains("Ein unfreundlicher Kommentar mit Beleidigung."));
        assertTrue(item.contains("Ben Becker"));

        var hidden = decide(staff, "comment", c, "HIDE", "Beleidigung eines Mitbürgers");
        assertEquals("/moderation?hinweis=moderation-hide", hidden.location());
        assertEquals(0, openFlags("comment", c));

        String publicView = node.browser().get("/vorschlaege/" + p).body();
        assertTrue(publicView.contains("Von der Moderation ausgeblendet: Beleidigung eines Mitbürgers"), publicView);
        assertFalse(publicView.contains("Ein unfreundlicher Kommentar"), "the original is not public");
        assertFalse(carla.get("/vorschlaege/" + p).body().contains("Ein unfreundlicher Kommentar"));
        String staffView = staff.get("/vorschlaege/" + p).body();
        assertTrue(staffView.contains("Ein unfreundlicher Kommentar mit Beleidigung."), "staff still see it");
        assertTrue(staffView.contains("nur für die Moderation sichtbar"));
        assertEquals(409, editHidden(c), "a hidden comment cannot be edited around moderation");

        String log = node.browser().get("/moderationsprotokoll").body();
        assertTrue(log.contains("Ausgeblendet"), log);
        assertTrue(log.contains("Beleidigung eines Mitbürgers"));
        assertTrue(log.contains("href=\"/kommentare/" + c + "\""));
        assertFalse(log.contains("Carla") || log.contains("Dora") || log.contains("Petra Amtmann"),
                "no flaggers, no moderators in the public log");

        var restored = decide(staff, "comment", c, "RESTORE", "Nach Rücksprache vertretbar");
        assertEquals("/moderation?hinweis=moderation-restore", restored.location());
        assertTrue(node.browser().get("/vorschlaege/" + p).body()
                .contains("Ein unfreundlicher Kommentar mit Beleidigung."));
        String log2 = node.browser().get("/moderationsprotokoll").body();
        assertTrue(log2.contains("Wieder eingeblendet") && log2.contains("Nach Rücksprache vertretbar"));
        assertEquals(409, decide(staff, "comment", c, "RESTORE", "Schon sichtbar").status());
        assertEquals(2, logged("comment", c));
    }

    private static int editHidden(long c) {
        TestBrowser ben = as(cast.ben());
        ben.get("/vorschlaege");
        return ben.post("/kommentare/" + c + "/bearbeiten", ben.withCsrf(Map.of("text", "Umgangen"))).status();
    }

    @Test
    void hiddenProposalsShowOnlyTheReasonToCitizens() {
        long p = Fixtures.proposal(node, cast.anna(), "Werbung für meinen Laden", cast.bauamt());
        TestBrowser staff = as(cast.staff());
        assertEquals(303, decide(staff, "proposal", p, "HIDE", "Werbung").status());
        String page = node.browser().get("/vorschlaege/" + p).body();
        assertTrue(page.contains("Ausgeblendeter Vorschlag Nr. " + p), page);
        assertTrue(page.contains("Von der Moderation ausgeblendet: Werbung"));
        assertFalse(page.contains("Werbung für meinen Laden"));
        String list = node.browser().get("/vorschlaege").body();
        assertTrue(list.contains("Ausgeblendeter Vorschlag Nr. " + p));
        assertFalse(list.contains("Werbung für meinen Laden"));
        assertTrue(staff.get("/vorschlaege/" + p).body().contains("Werbung für meinen Laden"));
    }

    @Test
    void dismissingClosesFlagsWithoutChangingTheContent() {
        long p = Fixtures.proposal(node, cast.anna(), "Mehr Radständer am Bahnhof", cast.bauamt());
        flag(as(cast.ben()), "proposal", p, "Gefällt mir nicht");
        TestBrowser staff = as(cast.staff());
        assertEquals("/moderation?hinweis=moderation-dismiss",
                decide(staff, "proposal", p, "DISMISS", "Kein Verstoß gegen die Regeln").location());
        assertEquals(0, openFlags("proposal", p));
        assertTrue(node.browser().get("/vorschlaege/" + p).body().contains("Mehr Radständer am Bahnhof"));
        assertTrue(node.browser().get("/moderationsprotokoll").body().contains("Meldung geprüft, keine Maßnahme"));
        assertEquals(409, decide(staff, "proposal", p, "DISMISS", "Noch einmal").status());
        flag(as(cast.ben()), "proposal", p, "Wieder gemeldet");
        assertEquals(1, openFlags("proposal", p), "after a decision, the same account may flag again");
    }

    @Test
    void citizensCannotModerateAndAnonymousCannotFlag() {
        long p = Fixtures.proposal(node, cast.anna(), "Ein gewöhnlicher Vorschlag", cast.bauamt());
        TestBrowser ben = as(cast.ben());
        assertEquals(403, ben.get("/moderation").status());
        assertEquals(403, ben.get("/moderation/eintrag?art=proposal&id=" + p).status());
        ben.get("/vorschlaege");
        assertEquals(403, ben.post("/moderation/eintrag", ben.withCsrf(Map.of("art", "proposal", "id",
                String.valueOf(p), "aktion", "HIDE", "reason", "Ich will das nicht"))).status());
        TestBrowser anonymous = node.browser();
        assertEquals(303, anonymous.get("/moderation").status());
        assertEquals(303, anonymous.get("/melden?art=proposal&id=" + p).status());
        anonymous.get("/vorschlaege");
        assertEquals(401, anonymous.post("/melden", anonymous.withCsrf(Map.of("art", "proposal", "id",
                String.valueOf(p), "reason", "Anonym"))).status());
        assertEquals(0, hidden("proposal", p));
        assertEquals(0, openFlags("proposal", p));
    }

    @Test
    void badFlagsAndDecisionsAreRefused() {
        long p = Fixtures.proposal(node, cast.anna(), "Noch ein Vorschlag", cast.bauamt());
        TestBrowser ben = as(cast.ben());
        var empty = flag(ben, "proposal", p, " ");
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("Bitte geben Sie eine Begründung mit mindestens 3 Zeichen an."));
        assertEquals(400, flag(ben, "proposal", p, "x".repeat(501)).status());
        assertEquals(404, ben.get("/melden?art=project&id=" + p).status());
        assertEquals(404, ben.get("/melden?art=proposal&id=99999999").status());
        assertEquals(400, ben.get("/melden?art=proposal&id=abc").status());
        assertEquals(404, ben.post("/melden", ben.withCsrf(Map.of("art", "gibtsnicht", "id", "1", "reason", "Grund")))
                .status());
        assertEquals(0, openFlags("proposal", p));

        TestBrowser staff = as(cast.staff());
        assertEquals(400, decide(staff, "proposal", p, "HIDE", "").status());
        assertEquals(400, decide(staff, "proposal", p, "DELETE", "Grund").status());
        assertEquals(404, staff.post("/moderation/eintrag", staff.withCsrf(Map.of("art", "proposal", "id", "99999999",
                "aktion", "HIDE", "reason", "Grund"))).status());
        assertEquals(0, hidden("proposal", p));
        assertEquals(0, logged("proposal", p));
    }

    @Test
    void remoteReportsAreStoredOnce() {
        long p = Fixtures.proposal(node, cast.anna(), "Ein Vorschlag aus der Ferne gemeldet", cast.bauamt());
        ModerationService moderation = node.components().participation().moderation();
        assertTrue(moderation.flagRemote("proposal", p, "https://social.example/users/mod",
                "https://social.example/flags/1", "Spam"));
        assertFalse(moderation.flagRemote("proposal", p, "https://social.example/users/mod",
                "https://social.example/flags/1", "Spam"));
        assertFalse(moderation.flagRemote("proposal", p, "https://social.example/users/mod",
                "https://social.example/flags/2", "Spam, zweimal"), "one open flag per remote reporter");
        assertEquals(1, openFlags("proposal", p));
        assertTrue(as(cast.staff()).get("/moderation").body().contains("Spam"));
    }
}
