package de.offenekommune.node.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import com.github.tomakehurst.wiremock.WireMockServer;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.verification.DomainCheck;
import de.offenekommune.node.verification.RequestService;
import de.offenekommune.node.verification.VerificationRequest;
import de.offenekommune.verification.attestation.AttestationVerifier;
import de.offenekommune.verification.attestation.RevocationLookup;
import de.offenekommune.verification.jcs.StrictJson;
import de.offenekommune.verification.key.ControllerDocument;
import de.offenekommune.verification.trust.NodeKind;
import de.offenekommune.verification.trust.TrustList;

/** Organisations and their websites for verification tests. */
public final class Verifications {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Verifications() {
    }

    /**
     * Settings of a node that checks organisations' websites on the WireMock server: http on its port;
     * loopback may be fetched, private and link-local addresses may not (so the SSRF guard decides as in
     * production); remote organisations are checked again every second.
     */
    public static Map<String, String> overrides(WireMockServer website) {
        Map<String, String> o = new HashMap<>();
        o.put("federation.allow-private-addresses", "false");
        o.put("federation.fetch.allow-loopback", "true");
        o.put("verification.domain-check-scheme", "http");
        o.put("verification.domain-check-port", String.valueOf(website.port()));
        o.put("verification.recheck-interval", "PT1S");
        o.put("verification.cache-ttl", "PT1S");
        return o;
    }

    /** The organisation's website serves this token at the well-known path. */
    public static void publish(WireMockServer website, String domain, String body) {
        website.stubFor(get(urlPathEqualTo(DomainCheck.PATH)).withHost(equalTo(domain))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(body)));
    }

    /**
     * The verification module's verifier, as another server would run it: keys and revocation lists
     * fetched over plain HTTP from the test nodes, trusting exactly these issuers.
     */
    public static AttestationVerifier verifierTrusting(URI self, URI... anchors) {
        return new AttestationVerifier(new TrustList(self, NodeKind.TOWN, Optional.empty(), Set.of(anchors)),
                method -> Optional.of(ControllerDocument.fromActor(json(withoutFragment(method.toString())))),
                (issuer, list) -> new RevocationLookup.Found(json(list.toString())), Clock.systemUTC());
    }

    /** A document as ActivityPub clients get it, parsed strictly. */
    public static JsonNode json(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/activity+json")
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return StrictJson.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String withoutFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }

    /** The account becomes an organisation's account with an open request (through the services). */
    public static VerificationRequest openRequest(TestNode node, Account holder, String name, String domain) {
        node.components().organisations().organisations().setUp(holder, name, "");
        return node.components().verification().requests().submit(holder, new RequestService.Form("COMPANY",
                name + " GmbH", domain, "Erika Mustermann", "erika@" + domain, "Eintrag im Handelsregister, HRB 4711."));
    }

    /**
     * A verified organisation: its website check is recorded as passed (the check itself has its own
     * tests), then the admin approves.
     */
    public static Organisation verifiedOrganisation(TestNode node, Account admin, Account holder, String name,
                                                    String domain) {
        VerificationRequest r = openRequest(node, holder, name, domain);
        node.sql().update("UPDATE verification_request SET domain_check = 'FOUND', domain_checked_at = now() "
                + "WHERE id = ?", r.id());
        node.components().verification().reviews().approve(admin, r.id());
        return node.components().organisations().organisations().ofAccount(holder).orElseThrow();
    }
}
