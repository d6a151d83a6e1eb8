package de.offenekommune.node.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.testing.Verifications;
import de.offenekommune.verification.attestation.AttestationCategory;
import de.offenekommune.verification.attestation.AttestationVerification;
import de.offenekommune.verification.attestation.AttestationVerifier;
import de.offenekommune.verification.attestation.InvalidReason;
import de.offenekommune.verification.proof.ActorProof;
import de.offenekommune.verification.proof.ActorProofVerifier;
import de.offenekommune.verification.proof.ObjectIntegrityProofs;
import de.offenekommune.verification.trust.TrustRole;

/**
 * The whole workflow on one node, through its pages: an organisation sets up its account, asks for
 * verification, publishes the token on its website (WireMock on loopback), has it checked; the admin
 * approves; the organisation's actor document carries an attestation that the verification module's
 * verifier accepts; its statement carries a valid integrity proof; the admin revokes, and the
 * attestation is on the signed revocation list and off the actor.
 */
class VerificationFlowTest {
    private static final String DOMAIN = "stadtwerke-musterstadt.test";
    private static WireMockServer website;
    private static TestNode node;
    private static Fixtures.Cast cast;

    @BeforeAll
    static void start() {
        website = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        website.start();
        node = TestNode.start("Musterstadt", Verifications.overrides(website));
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
        website.stop();
    }

    @Test
    void anOrganisationIsVerifiedAfterItsDomainProofAndTheAdminsApprovalAndLosesItOnRevocation() {
        Account holder = node.components().accounts().createConfirmed("kontakt@stadtwerke.example",
                "Erika Mustermann", "stadtwerke", Fixtures.PASSWORD, Role.CITIZEN);
        TestBrowser org = node.browser().signIn(holder.email(), Fixtures.PASSWORD);
        assertTrue(org.get("/organisation").body().contains("Konto für eine Organisation einrichten"));
        assertEquals(303, org.submit("/organisation", "/organisation", Map.of("name", "Stadtwerke Musterstadt",
                "summary", "Strom, Wasser und Busse für Musterstadt.")).status());
        TestBrowser.Response form = org.get("/organisation/verifizierung");
        assertEquals(200, form.status());
        assertTrue(form.body().contains("Art der Organisation"), "the request form");
        TestBrowser.Response sent = org.submit("/organisation/verifizierung", "/organisation/verifizierung", Map.of(
                "art", "COMPANY", "legal_name", "Stadtwerke Musterstadt GmbH", "domain", "https://" + DOMAIN + "/",
                "contact_name", "Erika Mustermann", "contact_email", "erika@stadtwerke.example",
                "evidence", "Handelsregister Amtsgericht Musterstadt, HRB 4711."));
        assertEquals(303, sent.status());
        assertEquals("/organisation?hinweis=verification-requested", sent.location());
        VerificationRequest request = node.sql().one("SELECT id FROM verification_request", r -> r.lng("id"))
                .map(id -> node.components().verification().reviews().review(cast.admin(), id).request())
                .orElseThrow();
        assertEquals(DOMAIN, request.domain(), "scheme and path are taken off what was typed");
        String overview = org.get("/organisation").body();
        assertTrue(overview.contains(request.token()), "the page shows the token");
        assertTrue(overview.contains("http://" + DOMAIN + ":" + website.port() + DomainCheck.PATH),
                "and where to publish it");

        assertEquals(303, org.submit("/organisation", "/organisation/verifizierung/" + request.id() + "/pruefen",
                Map.of()).status());
        assertTrue(org.get("/organisation").body().contains("Die Datei wurde auf der Website nicht gefunden."));
        Verifications.publish(website, DOMAIN, "Verifizierung fuer Musterstadt:\n" + request.token() + "\n");
        org.submit("/organisation", "/organisation/verifizierung/" + request.id() + "/pruefen", Map.of());
        assertTrue(org.get("/organisation").body().contains("Die Website ist bestätigt"));

        long earlyProposal = Fixtures.proposal(node, cast.anna(), "Busspur an der Ringstraße", cast.bauamt());
        assertFalse(org.get("/vorschlaege/" + earlyProposal).body().contains("Stellungnahme abgeben"),
                "not verified yet: no statement form");
        TestBrowser admin = node.browser().signIn(cast.admin().email(), Fixtures.PASSWORD);
        assertTrue(admin.get("/admin/verifizierung").body().contains("Stadtwerke Musterstadt"));
        TestBrowser.Response approved = admin.submit("/admin/verifizierung/" + request.id(),
                "/admin/verifizierung/" + request.id() + "/freigeben", Map.of());
        assertEquals(303, approved.status());

        String actor = node.url("/organisationen/stadtwerke-musterstadt");
        JsonNode document = Verifications.json(actor);
        assertEquals("Organization", document.path("type").asText());
        JsonNode attestation = document.path("attestations").get(0);
        AttestationVerifier verifier = Verifications.verifierTrusting(URI.create(node.url("/kommune")));
        AttestationVerification.Valid valid = assertInstanceOf(AttestationVerification.Valid.class,
                verifier.verify(attestation, URI.create(actor)));
        assertEquals(AttestationCategory.MUNICIPAL_COMPANY, valid.attestation().category());
        assertEquals("Stadtwerke Musterstadt GmbH", valid.attestation().legalName());
        assertEquals(DOMAIN, valid.attestation().domain());
        assertEquals(TrustRole.SELF, valid.issuer().role());
        assertEquals(node.url("/attestierungen/widerrufen"), valid.attestation().revocationList().toString());
        assertTrue(node.browser().get("/organisationen/stadtwerke-musterstadt").body().contains("Verifiziert"),
                "the profile shows the badge");
        String explained = node.browser().get("/verifizierung/pruefen?actor=" + actor).body();
        assertTrue(explained.contains("Verifiziert: Stadtwerke Musterstadt GmbH"));
        assertTrue(explained.contains("Die Verwaltung dieser Plattform hat die Organisation selbst geprüft."));
        JsonNode finger = Verifications.json(node.url("/.well-known/webfinger?resource=acct:org-stadtwerke-musterstadt@"
                + node.baseUrl().getAuthority()));
        assertTrue(finger.toString().contains(actor), "WebFinger finds the organisation's actor");

        long proposal = Fixtures.proposal(node, cast.anna(), "Ladesäulen am Bahnhof", cast.bauamt());
        String page = org.get("/vorschlaege/" + proposal).body();
        assertTrue(page.contains("Stellungnahme abgeben"), "a verified organisation gets the statement form");
        assertTrue(org.get("/vorschlaege/" + earlyProposal).body().contains("Stellungnahme abgeben"),
                "the same session sees the form on the next view after the approval (read with the session, not kept)");
        assertFalse(node.browser().signIn(cast.ben().email(), Fixtures.PASSWORD).get("/vorschlaege/" + proposal)
                .body().contains("Stellungnahme abgeben"), "a citizen does not");
        TestBrowser.Response stated = org.submit("/vorschlaege/" + proposal, "/stellungnahmen", Map.of("art",
                "proposal", "ziel", String.valueOf(proposal), "stellungnahme", "Wir bauen dort **vier** Ladesäulen."));
        assertEquals(303, stated.status());
        long statement = node.sql().count("SELECT id FROM statement");
        String withStatement = node.browser().get("/vorschlaege/" + proposal).body();
        assertTrue(withStatement.contains("Wir bauen dort <strong>vier</strong> Ladesäulen."));
        assertTrue(withStatement.contains("id=\"stellungnahme-" + statement + "\""));
        assertTrue(withStatement.substring(withStatement.indexOf("id=\"stellungnahmen\""))
                .contains("ok-verified\">Verifiziert</span>"), "the statement carries the badge");

        JsonNode note = Verifications.json(node.url("/stellungnahmen/" + statement));
        assertTrue(note.path("officialStatement").asBoolean(), "marked as an official statement");
        assertEquals(node.url("/vorschlaege/" + proposal), note.path("inReplyTo").asText());
        ObjectIntegrityProofs proofs = new ObjectIntegrityProofs(ActorProofVerifier.withEddsaSuites(
                method -> java.util.Optional.of(de.offenekommune.verification.key.ControllerDocument.fromActor(
                        Verifications.json(actor))), java.time.Clock.systemUTC()), java.time.Clock.systemUTC());
        assertEquals(URI.create(actor), assertInstanceOf(ActorProof.Proven.class, proofs.verify(note)).actor(),
                "signed with the organisation's own key");

        TestBrowser.Response revoked = admin.submit("/admin/verifizierung/" + request.id(),
                "/admin/verifizierung/" + request.id() + "/widerrufen",
                Map.of("reason", "Die Gesellschaft wurde aufgelöst."));
        assertEquals(303, revoked.status());
        assertFalse(Verifications.json(actor).has("attestations"), "the actor no longer carries it");
        JsonNode list = Verifications.json(node.url("/attestierungen/widerrufen"));
        assertEquals(attestation.path("id").asText(), list.path("revoked").get(0).path("attestation").asText());
        assertEquals("Die Gesellschaft wurde aufgelöst.", list.path("revoked").get(0).path("reason").asText());
        AttestationVerification.Invalid now = assertInstanceOf(AttestationVerification.Invalid.class,
                verifier.verify(attestation, URI.create(actor)));
        assertEquals(InvalidReason.REVOKED, now.reason(), "the signed list names it: " + now.message());
        assertFalse(org.get("/vorschlaege/" + proposal).body().contains("Stellungnahme abgeben"),
                "the same session loses the statement form on the next view after the revocation");
        String after = node.browser().get("/vorschlaege/" + proposal).body();
        assertFalse(after.contains("ok-verified\">Verifiziert</span>"), "no badge any more");
        assertTrue(after.contains("Diese Organisation ist hier zurzeit nicht verifiziert."));

        String audit = admin.get("/admin/verifizierung/protokoll").body();
        assertTrue(audit.contains("freigegeben") && audit.contains("widerrufen"));
        assertTrue(audit.contains("Die Gesellschaft wurde aufgelöst."));
        assertEquals(2, node.sql().count("SELECT count(*) FROM verification_audit WHERE request_id = ?", request.id()));
        assertEquals(2, node.sql().count("SELECT count(*) FROM ap_activity WHERE type = 'Update' AND actor_uri = ?",
                actor), "an Update of the actor after the approval and after the revocation");
    }
}
