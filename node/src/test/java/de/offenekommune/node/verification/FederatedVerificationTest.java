package de.offenekommune.node.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.testing.Verifications;
import de.offenekommune.verification.attestation.AttestationVerification;

/**
 * Three real towns over loopback (own databases, own addresses). Adorf verifies the Stadtwerke Adorf
 * through its pages (domain proof on a WireMock website, admin approval). Bedorf trusts Adorf (a
 * configured anchor), Cedorf does not. The Stadtwerke make a statement on a proposal of each
 * neighbour from Adorf: Bedorf shows it as a statement with the badge, Cedorf as an ordinary comment
 * without one, and says why. Each delivery is signed with the organisation's own key. After Adorf
 * revokes the attestation, Bedorf drops the badge at its next check.
 */
class FederatedVerificationTest {
    private static final String DOMAIN = "stadtwerke-adorf.test";
    private static WireMockServer website;
    private static TestNode adorf;
    private static TestNode bedorf;
    private static TestNode cedorf;
    private static Fixtures.Cast castA;
    private static Fixtures.Cast castB;
    private static Fixtures.Cast castC;

    @BeforeAll
    static void start() {
        website = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        website.start();
        adorf = TestNode.startAt("Adorf", "127.0.0.1", Verifications.overrides(website));
        Map<String, String> trusting = new HashMap<>(Verifications.overrides(website));
        trusting.put("verification.trust-anchors", adorf.url("/kommune"));
        bedorf = TestNode.startAt("Bedorf", "127.0.0.2", trusting);
        cedorf = TestNode.startAt("Cedorf", "127.0.0.3", Verifications.overrides(website));
        castA = Fixtures.musterstadt(adorf);
        castB = Fixtures.musterstadt(bedorf);
        castC = Fixtures.musterstadt(cedorf);
    }

    @AfterAll
    static void stop() {
        cedorf.close();
        bedorf.close();
        adorf.close();
        website.stop();
    }

    @Test
    void aTrustingNodeShowsTheBadgeAnUntrustingOneDoesNotAndARevocationIsNoticedAtTheNextCheck() {
        TestBrowser adminA = adorf.browser().signIn(castA.admin().email(), Fixtures.PASSWORD);
        long itemB = neighbourProposal(adminA, bedorf, castB, "Busspur in der Hauptstraße");
        long itemC = neighbourProposal(adminA, cedorf, castC, "Stromtankstelle am Markt");

        Account holder = adorf.components().accounts().createConfirmed("info@stadtwerke-adorf.example",
                "Sven Strom", "swadorf", Fixtures.PASSWORD, Role.CITIZEN);
        TestBrowser org = adorf.browser().signIn(holder.email(), Fixtures.PASSWORD);
        String actor = verifyThroughPages(org, adminA);

        AttestationVerification asBedorfSeesIt = Verifications.verifierTrusting(URI.create(bedorf.url("/kommune")),
                URI.create(adorf.url("/kommune"))).verify(Verifications.json(actor).path("attestations").get(0),
                URI.create(actor));
        assertInstanceOf(AttestationVerification.Valid.class, asBedorfSeesIt, "Adorf's actor carries a valid one");

        state(org, itemB, "Die Stadtwerke unterstützen die Busspur und stellen zwei E-Busse bereit.");
        state(org, itemC, "Die Stadtwerke prüfen den Standort.");

        long proposalB = bedorf.sql().count("SELECT min(id) FROM proposal");
        Fediverse.await("the statement reaches Bedorf", () -> bedorf.sql().count(
                "SELECT count(*) FROM statement WHERE remote_actor = ?", actor) == 1);
        String pageB = bedorf.browser().get("/vorschlaege/" + proposalB).body();
        String statementsB = pageB.substring(pageB.indexOf("id=\"stellungnahmen\""), pageB.indexOf("id=\"kommentare\""));
        assertTrue(statementsB.contains("zwei E-Busse"), "shown as a statement, apart from comments");
        assertTrue(statementsB.contains("ok-verified\">Verifiziert</span>"), "with the badge");
        assertEquals(0, bedorf.sql().count("SELECT count(*) FROM comment WHERE remote_actor = ?", actor));
        String signer = bedorf.sql().one("SELECT signer_key FROM fed_inbox_activity WHERE actor = ? AND type = 'Create'",
                r -> r.str("signer_key"), actor).orElseThrow();
        assertTrue(signer.startsWith(actor + "#"), "the delivery is signed with the organisation's own key: " + signer);
        String explainedB = bedorf.browser().get("/verifizierung/pruefen?actor=" + actor).body();
        assertTrue(explainedB.contains("Verifiziert: Stadtwerke Adorf GmbH"));
        assertTrue(explainedB.contains("Eine Stelle, der diese Plattform ausdrücklich vertraut"));

        long proposalC = cedorf.sql().count("SELECT min(id) FROM proposal");
        Fediverse.await("the statement reaches Cedorf as a comment", () -> cedorf.sql().count(
                "SELECT count(*) FROM comment WHERE remote_actor = ?", actor) == 1);
        assertEquals(0, cedorf.sql().count("SELECT count(*) FROM statement"), "not a statement where not trusted");
        String pageC = cedorf.browser().get("/vorschlaege/" + proposalC).body();
        assertTrue(pageC.contains("Die Stadtwerke prüfen den Standort."));
        assertFalse(pageC.contains("ok-verified\">Verifiziert</span>"), "no badge where Adorf is not trusted");
        assertTrue(pageC.contains("Nicht verifiziert – warum?"));
        assertTrue(cedorf.browser().get("/verifizierung/pruefen?actor=" + actor).body()
                .contains("Die Bestätigung stammt von einer Stelle, der diese Plattform nicht vertraut."));

        long request = adorf.sql().count("SELECT id FROM verification_request");
        assertEquals(303, adminA.submit("/admin/verifizierung/" + request, "/admin/verifizierung/" + request
                + "/widerrufen", Map.of("reason", "Die Stadtwerke wurden verkauft.")).status());
        Fediverse.await("Bedorf drops the badge at its next check", () -> !bedorf.browser()
                .get("/vorschlaege/" + proposalB).body().contains("ok-verified\">Verifiziert</span>"));
        String after = bedorf.browser().get("/vorschlaege/" + proposalB).body();
        assertTrue(after.contains("Diese Organisation ist hier zurzeit nicht verifiziert."));
        assertTrue(bedorf.browser().get("/verifizierung/pruefen?actor=" + actor).body().contains("Nicht verifiziert"));
    }

    /** Adorf's admin follows the town; a citizen there proposes; the proposal arrives in Adorf's neighbourhood. */
    private static long neighbourProposal(TestBrowser adminA, TestNode town, Fixtures.Cast cast, String title) {
        String handle = "@" + town.app().config().handle() + "@" + town.baseUrl().getAuthority();
        assertEquals(303, adminA.submit("/admin/nachbarn", "/admin/nachbarn", Map.of("handle", handle)).status());
        Fediverse.await(town.app().config().name() + " accepts", () -> adorf.sql().count(
                "SELECT count(*) FROM ap_neighbour WHERE actor_uri = ? AND state = 'ACCEPTED'", town.url("/kommune")) == 1);
        long proposal = Fixtures.proposal(town, cast.anna(), title, cast.bauamt());
        String uri = town.url("/vorschlaege/" + proposal);
        Fediverse.await("the proposal in Adorf", () -> adorf.sql().count(
                "SELECT count(*) FROM ap_neighbour_item WHERE ap_id = ?", uri) == 1);
        return adorf.sql().count("SELECT id FROM ap_neighbour_item WHERE ap_id = ?", uri);
    }

    /** Set-up, request, token on the website, check, approval: returns the organisation's actor id. */
    private static String verifyThroughPages(TestBrowser org, TestBrowser adminA) {
        assertEquals(303, org.submit("/organisation", "/organisation", Map.of("name", "Stadtwerke Adorf")).status());
        assertEquals(303, org.submit("/organisation/verifizierung", "/organisation/verifizierung", Map.of(
                "art", "COMPANY", "legal_name", "Stadtwerke Adorf GmbH", "domain", DOMAIN,
                "contact_name", "Sven Strom", "contact_email", "sven@stadtwerke-adorf.example",
                "evidence", "Handelsregister Adorf, HRB 815.")).status());
        long request = adorf.sql().count("SELECT id FROM verification_request");
        String token = adorf.sql().one("SELECT token FROM verification_request WHERE id = ?", r -> r.str("token"),
                request).orElseThrow();
        Verifications.publish(website, DOMAIN, token);
        org.submit("/organisation", "/organisation/verifizierung/" + request + "/pruefen", Map.of());
        assertEquals(303, adminA.submit("/admin/verifizierung/" + request, "/admin/verifizierung/" + request
                + "/freigeben", Map.of()).status());
        return adorf.url("/organisationen/stadtwerke-adorf");
    }

    private static void state(TestBrowser org, long item, String text) {
        String page = org.get("/nachbarschaft/" + item).body();
        assertTrue(page.contains("Stellungnahme abgeben"), "the verified organisation may make a statement there");
        assertEquals(303, org.submit("/nachbarschaft/" + item, "/stellungnahmen", Map.of("art", "neighbour",
                "ziel", String.valueOf(item), "stellungnahme", text)).status());
    }
}
