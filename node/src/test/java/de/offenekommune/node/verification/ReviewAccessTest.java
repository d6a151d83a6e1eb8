package de.offenekommune.node.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.testing.Verifications;

/**
 * Only admins see, approve, reject or revoke (citizens, staff and the organisation itself get 403,
 * anonymous visitors are sent to sign in or get 401); every decision is in the audit log and nothing
 * else is; the forms refuse bad input with 400 and field errors and write nothing; a form sent twice
 * leaves one request, one statement.
 */
class ReviewAccessTest {
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        node = TestNode.start("Musterstadt");
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Account holder(String name) {
        return node.components().accounts().createConfirmed(name + "@org.example", "Konto " + name, name,
                Fixtures.PASSWORD, Role.CITIZEN);
    }

    private static long audit() {
        return node.sql().count("SELECT count(*) FROM verification_audit");
    }

    @Test
    void onlyAdminsDecideAndEveryDecisionIsLogged() {
        Account openHolder = holder("fraktiona");
        VerificationRequest open = Verifications.openRequest(node, openHolder, "Fraktion A", "fraktion-a.test");
        Account verifiedHolder = holder("musikschule");
        Verifications.verifiedOrganisation(node, cast.admin(), verifiedHolder, "Musikschule", "musikschule.test");
        long verified = node.sql().count("SELECT id FROM verification_request WHERE state = 'APPROVED' AND legal_name = ?",
                "Musikschule GmbH");
        long before = audit();

        List<TestBrowser> refused = new ArrayList<>();
        for (Account a : List.of(cast.anna(), cast.staff(), openHolder, verifiedHolder)) {
            refused.add(node.browser().signIn(a.email(), Fixtures.PASSWORD));
        }
        for (TestBrowser b : refused) {
            assertEquals(403, b.get("/admin/verifizierung").status());
            assertEquals(403, b.get("/admin/verifizierung/" + open.id()).status());
            assertEquals(403, b.get("/admin/verifizierung/protokoll").status());
            b.get("/");
            assertEquals(403, b.post("/admin/verifizierung/" + open.id() + "/freigeben", b.withCsrf(Map.of())).status());
            assertEquals(403, b.post("/admin/verifizierung/" + open.id() + "/ablehnen",
                    b.withCsrf(Map.of("reason", "Passt nicht."))).status());
            assertEquals(403, b.post("/admin/verifizierung/" + verified + "/widerrufen",
                    b.withCsrf(Map.of("reason", "Passt nicht."))).status());
        }
        TestBrowser anonymous = node.browser();
        TestBrowser.Response list = anonymous.get("/admin/verifizierung");
        assertEquals(303, list.status());
        assertTrue(list.location().startsWith("/anmelden?weiter="));
        anonymous.get("/");
        assertEquals(401, anonymous.post("/admin/verifizierung/" + verified + "/widerrufen",
                anonymous.withCsrf(Map.of("reason", "Passt nicht."))).status());
        assertEquals(before, audit(), "refused attempts decide nothing");
        assertEquals(0, node.sql().count("SELECT count(*) FROM verification_attestation WHERE revoked_at IS NOT NULL"));

        TestBrowser admin = node.browser().signIn(cast.admin().email(), Fixtures.PASSWORD);
        String review = "/admin/verifizierung/" + open.id();
        TestBrowser.Response noReason = admin.submit(review, review + "/ablehnen", Map.of("reason", " "));
        assertEquals(400, noReason.status());
        assertTrue(noReason.body().contains("id=\"fehler\"") && noReason.body().contains("id=\"reason-error\""));
        assertEquals(before, audit(), "a rejection without a reason writes nothing");
        assertEquals(303, admin.submit(review, review + "/ablehnen", Map.of("reason", "Kein Nachweis der Fraktion."))
                .status());
        assertEquals(409, admin.submit(review, review + "/ablehnen", Map.of("reason", "Noch einmal.")).status(),
                "decided once");
        String revoke = "/admin/verifizierung/" + verified;
        assertEquals(303, admin.submit(revoke, revoke + "/widerrufen", Map.of("reason", "Schule geschlossen."))
                .status());
        assertEquals(409, admin.submit(revoke, revoke + "/widerrufen", Map.of("reason", "Noch einmal.")).status());
        assertEquals(before + 2, audit());
        String log = admin.get("/admin/verifizierung/protokoll").body();
        for (String expected : List.of("freigegeben", "abgelehnt", "widerrufen", "Kein Nachweis der Fraktion.",
                "Schule geschlossen.", "Admin Istrator", "Fraktion A", "Musikschule")) {
            assertTrue(log.contains(expected), "the log shows " + expected);
        }
    }

    @Test
    void theFormsRefuseBadInputAndWriteNothing() {
        Account holder = holder("pruefverein");
        TestBrowser org = node.browser().signIn(holder.email(), Fixtures.PASSWORD);
        assertEquals(409, org.submit("/organisation", "/organisation/verifizierung", Map.of("art", "COMPANY"))
                .status(), "no request without an organisation");
        TestBrowser.Response noName = org.submit("/organisation", "/organisation", Map.of("name", " "));
        assertEquals(400, noName.status());
        assertTrue(noName.body().contains("id=\"name-error\""));
        assertEquals(0, node.sql().count("SELECT count(*) FROM organisation WHERE account_id = ?", holder.id()));
        assertEquals(303, org.submit("/organisation", "/organisation", Map.of("name", "Prüfverein")).status());
        long requests = node.sql().count("SELECT count(*) FROM verification_request");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("art", "RAUMSCHIFF");
        bad.put("legal_name", "X");
        bad.put("domain", "127.0.0.1");
        bad.put("contact_name", "");
        bad.put("contact_email", "keine-adresse");
        bad.put("evidence", "kurz");
        TestBrowser.Response refused = org.submit("/organisation/verifizierung", "/organisation/verifizierung", bad);
        assertEquals(400, refused.status());
        for (String field : List.of("art", "legal_name", "domain", "contact_name", "contact_email", "evidence")) {
            assertTrue(refused.body().contains("id=\"" + field + "-error\""), "error at " + field);
        }
        assertTrue(refused.body().contains("value=\"keine-adresse\""), "what was typed comes back");
        for (String domain : List.of("intern", "stadtwerke musterstadt.de", "http://", "xn--.de", "a.b")) {
            Map<String, String> fields = good();
            fields.put("domain", domain);
            assertEquals(400, org.submit("/organisation/verifizierung", "/organisation/verifizierung", fields).status(),
                    domain);
        }
        org.get("/organisation/verifizierung");
        assertEquals(403, org.postRaw("/organisation/verifizierung", "application/x-www-form-urlencoded",
                "art=COMPANY&legal_name=Pr%C3%BCfverein").status(), "no CSRF token");
        assertEquals(requests, node.sql().count("SELECT count(*) FROM verification_request"), "nothing written");
    }

    @Test
    void aFormSentTwiceLeavesOneRequestAndOneStatement() throws Exception {
        Account holder = holder("doppelt");
        TestBrowser org = node.browser().signIn(holder.email(), Fixtures.PASSWORD);
        org.submit("/organisation", "/organisation", Map.of("name", "Doppelverein"));
        org.get("/organisation/verifizierung");
        Map<String, String> fields = org.withCsrf(good());
        List<CompletableFuture<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(CompletableFuture.supplyAsync(() -> org.post("/organisation/verifizierung", fields).status()));
        }
        for (CompletableFuture<Integer> s : sent) {
            assertEquals(303, s.get());
        }
        Organisation o = node.components().organisations().organisations().ofAccount(holder).orElseThrow();
        assertEquals(1, node.sql().count("SELECT count(*) FROM verification_request WHERE organisation_id = ?", o.id()));

        Account verifiedHolder = holder("zweimal");
        Verifications.verifiedOrganisation(node, cast.admin(), verifiedHolder, "Zweimalwerke", "zweimal.test");
        long proposal = Fixtures.proposal(node, cast.carla(), "Mehr Bänke am Fluss", cast.bauamt());
        TestBrowser writer = node.browser().signIn(verifiedHolder.email(), Fixtures.PASSWORD);
        writer.get("/vorschlaege/" + proposal);
        Map<String, String> statement = writer.withCsrf(Map.of("art", "proposal", "ziel", String.valueOf(proposal),
                "stellungnahme", "Wir stellen zehn Bänke auf."));
        assertEquals(303, writer.post("/stellungnahmen", statement).status());
        assertEquals(303, writer.post("/stellungnahmen", statement).status());
        assertEquals(1, node.sql().count("SELECT count(*) FROM statement WHERE target_id = ?", proposal));
        TestBrowser.Response empty = writer.submit("/vorschlaege/" + proposal, "/stellungnahmen", Map.of("art",
                "proposal", "ziel", String.valueOf(proposal), "stellungnahme", "  "));
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("id=\"stellungnahme-error\""));
        TestBrowser citizen = node.browser().signIn(cast.ben().email(), Fixtures.PASSWORD);
        assertEquals(403, citizen.submit("/vorschlaege/" + proposal, "/stellungnahmen", Map.of("art", "proposal",
                "ziel", String.valueOf(proposal), "stellungnahme", "Ich bin keine Organisation.")).status());
        assertEquals(1, node.sql().count("SELECT count(*) FROM statement WHERE target_id = ?", proposal));
        assertFalse(node.browser().get("/vorschlaege/" + proposal).body().contains("Ich bin keine Organisation."));
    }

    private static Map<String, String> good() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("art", "ASSOCIATION");
        f.put("legal_name", "Doppelverein Musterstadt e. V.");
        f.put("domain", "doppelverein.test");
        f.put("contact_name", "Dora Doppel");
        f.put("contact_email", "dora@doppelverein.example");
        f.put("evidence", "Vereinsregister Musterstadt, VR 123.");
        return f;
    }
}
