package de.offenekommune.node.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.testing.Verifications;
import de.offenekommune.node.web.HttpError;

/**
 * The proof of domain control and its failures, each shown to the organisation in plain words: the
 * file missing, a token published on another domain (so this domain's file names another token), a
 * redirect to a private address and a name resolving to the cloud metadata address (the SSRF guard
 * refuses both before any socket opens: the injected resolver maps the names, nothing connects), a
 * website that does not answer in time. An admin cannot approve before the website is confirmed.
 */
class DomainProofTest {
    private static WireMockServer website;
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static int accounts;

    @BeforeAll
    static void start() {
        website = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        website.start();
        TestNode.RESOLVER.map("intranet.umleitung.test", "10.20.30.40");
        TestNode.RESOLVER.map("metadaten.test", "169.254.169.254");
        Map<String, String> overrides = new HashMap<>(Verifications.overrides(website));
        overrides.put("federation.fetch.read-timeout", "PT1S");
        node = TestNode.start("Musterstadt", overrides);
        cast = Fixtures.musterstadt(node);
    }

    @AfterAll
    static void stop() {
        node.close();
        website.stop();
    }

    private static VerificationRequest request(String domain) {
        int n = ++accounts;
        Account holder = node.components().accounts().createConfirmed("org" + n + "@verein.example", "Verein " + n,
                "verein" + n, Fixtures.PASSWORD, Role.CITIZEN);
        return Verifications.openRequest(node, holder, "Verein Nummer " + n, domain);
    }

    private static DomainCheckResult check(VerificationRequest r) {
        return node.components().verification().reviews().checkDomain(cast.admin(), r.id());
    }

    @Test
    void aTokenOnTheWrongDomainOrAMissingFileIsNotAProof() {
        VerificationRequest a = request("verein-a.test");
        VerificationRequest b = request("verein-b.test");
        Verifications.publish(website, "verein-a.test", b.token());
        assertEquals(DomainCheckResult.WRONG_TOKEN, check(a), "b's token on a's domain proves nothing for a");
        assertEquals(DomainCheckResult.NOT_FOUND, check(b), "and b's own domain has no file");
        Verifications.publish(website, "verein-b.test", b.token());
        assertEquals(DomainCheckResult.FOUND, check(b));
        assertEquals(DomainCheckResult.WRONG_TOKEN, check(a));
    }

    @Test
    void theGuardRefusesARedirectToAPrivateAddressAndTheMetadataAddress() {
        VerificationRequest redirected = request("umleitung.test");
        website.stubFor(get(urlPathEqualTo(DomainCheck.PATH)).withHost(equalTo("umleitung.test"))
                .willReturn(aResponse().withStatus(302).withHeader("Location",
                        "http://intranet.umleitung.test/geheim/offenekommune-verification")));
        assertEquals(DomainCheckResult.REFUSED, check(redirected));
        assertEquals(1, website.findAll(getRequestedFor(urlPathEqualTo(DomainCheck.PATH))
                .withHeader("Host", com.github.tomakehurst.wiremock.client.WireMock.containing("umleitung.test")))
                .size(), "only the first hop went out; the private target was refused before connecting");
        assertEquals(DomainCheckResult.REFUSED, check(request("metadaten.test")));
    }

    @Test
    void aSlowWebsiteTimesOut() {
        VerificationRequest slow = request("langsam.test");
        website.stubFor(get(urlPathEqualTo(DomainCheck.PATH)).withHost(equalTo("langsam.test"))
                .willReturn(aResponse().withFixedDelay(3_000).withBody(slow.token())));
        assertEquals(DomainCheckResult.TIMEOUT, check(slow));
    }

    @Test
    void theOrganisationSeesTheOutcomeAndTheAdminCannotApproveWithoutAProof() {
        int n = ++accounts;
        Account holder = node.components().accounts().createConfirmed("seite@verein.example", "Vereinsseite",
                "vereinsseite", Fixtures.PASSWORD, Role.CITIZEN);
        VerificationRequest r = Verifications.openRequest(node, holder, "Verein mit Seite " + n, "metadaten.test");
        TestBrowser org = node.browser().signIn(holder.email(), Fixtures.PASSWORD);
        assertEquals(303, org.submit("/organisation", "/organisation/verifizierung/" + r.id() + "/pruefen", Map.of())
                .status());
        assertTrue(org.get("/organisation").body().contains("Diese Adresse darf die Plattform nicht abrufen"));
        try {
            node.components().verification().reviews().approve(cast.admin(), r.id());
            throw new AssertionError("approved without a proof");
        } catch (HttpError e) {
            assertEquals(409, e.status().code());
        }
        TestBrowser admin = node.browser().signIn(cast.admin().email(), Fixtures.PASSWORD);
        assertEquals(409, admin.submit("/admin/verifizierung/" + r.id(), "/admin/verifizierung/" + r.id()
                + "/freigeben", Map.of()).status());
        assertEquals(0, node.sql().count("SELECT count(*) FROM verification_attestation WHERE request_id = ?", r.id()));
        assertEquals(0, node.sql().count("SELECT count(*) FROM verification_audit WHERE request_id = ?", r.id()));
    }
}
