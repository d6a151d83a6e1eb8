package de.offenekommune.node.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.federation.testing.RemoteMastodon;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestNode;
import de.offenekommune.node.testing.Verifications;
import de.offenekommune.verification.attestation.Attestation;
import de.offenekommune.verification.attestation.AttestationCategory;
import de.offenekommune.verification.attestation.AttestationIssuer;
import de.offenekommune.verification.attestation.RevocationList;
import de.offenekommune.verification.key.SigningKey;

/**
 * Forged and unusable attestations earn no badge, and the page says why in plain words. Remote
 * organisations (WireMock on loopback) reply to a proposal; their actor documents carry attestations
 * of a trusted issuer ({@code vertraut.test}, a configured anchor) or of an untrusted one
 * ({@code fremd.test}): one genuine (the badge shows, so the set-up is right), one by an untrusted
 * issuer, one naming the trusted issuer's key but signed with another key, one copied from another
 * actor, one expired, one signed with a key of another actor on the issuer's server.
 */
class ForgedAttestationsTest {
    private static Fediverse fediverse;
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static long proposal;
    private static Issuer trusted;
    private static Issuer untrusted;

    /** A remote issuer: its actor with its Ed25519 key, and its (empty) signed revocation list. */
    private record Issuer(URI actor, SigningKey key) {
        URI list() {
            return URI.create(actor.toString().replace("/kommune", "/attestierungen/widerrufen"));
        }

        ObjectNode issue(URI subject, String name, Instant from, Instant until, SigningKey signer) {
            Attestation a = new Attestation(URI.create(actor.toString().replace("/kommune", "/attestierungen/")
                    + Math.abs(subject.hashCode())), actor, subject, AttestationCategory.INSTITUTION, name,
                    "verein.example", Optional.empty(), from, until, list());
            return new AttestationIssuer(signer, Clock.fixed(from, ZoneOffset.UTC)).issue(a);
        }
    }

    @BeforeAll
    static void start() {
        fediverse = new Fediverse();
        int port = fediverse.wireMock().port();
        trusted = issuer("http://vertraut.test:" + port);
        untrusted = issuer("http://fremd.test:" + port);
        Map<String, String> overrides = new HashMap<>(Verifications.overrides(fediverse.wireMock()));
        overrides.put("verification.trust-anchors", trusted.actor().toString());
        node = TestNode.start("Bedorf", overrides);
        cast = Fixtures.musterstadt(node);
        proposal = Fixtures.proposal(node, cast.anna(), "Ein Jugendzentrum im alten Bahnhof", cast.bauamt());
    }

    @AfterAll
    static void stop() {
        node.close();
        fediverse.close();
    }

    private static Issuer issuer(String base) {
        URI actor = URI.create(base + "/kommune");
        SigningKey key = SigningKey.of(actor, URI.create(actor + "#ed25519-key"), Ed25519.generate());
        serveController(actor, key);
        Issuer issuer = new Issuer(actor, key);
        ObjectNode list = new AttestationIssuer(key, Clock.systemUTC()).publish(new RevocationList(issuer.list(), actor,
                Instant.now(), List.of()));
        fediverse.wireMock().stubFor(get(urlPathEqualTo(issuer.list().getPath())).withHost(equalTo(actor.getHost()))
                .willReturn(aResponse().withHeader("Content-Type", "application/ld+json")
                        .withBody(ActivityJson.writeString(list))));
        return issuer;
    }

    /** An actor document that lists {@code key} as its assertion method. */
    private static void serveController(URI actor, SigningKey key) {
        ObjectNode doc = ActivityJson.newObject();
        doc.putArray("@context").add(Contexts.ACTIVITYSTREAMS).add(Contexts.MULTIKEY_V1);
        doc.put("id", actor.toString()).put("type", "Organization").put("inbox", actor + "/inbox");
        doc.putArray("assertionMethod").add(key.method().toJson());
        fediverse.wireMock().stubFor(get(urlPathEqualTo(actor.getPath())).withHost(equalTo(actor.getHost()))
                .willReturn(aResponse().withHeader("Content-Type", "application/activity+json")
                        .withBody(ActivityJson.writeString(doc))));
    }

    /** A remote organisation whose actor carries these attestations replies to the proposal. */
    private static String reply(String name, JsonNode... attestations) {
        RemoteMastodon server = new RemoteMastodon(fediverse.wireMock(), "vereine.test");
        ActorKeys keys = ActorKeys.generate(server.actorId(name));
        ObjectNode doc = server.actorDocument(name, keys);
        doc.put("type", "Organization").put("name", "Verein " + name);
        ((ArrayNode) doc.get("@context")).add(Contexts.OFFENEKOMMUNE_V1);
        ArrayNode list = doc.putArray("attestations");
        for (JsonNode a : attestations) {
            list.add(a);
        }
        server.serve(name, doc);
        String actor = server.actorId(name);
        ObjectNode note = ActivityJson.newObject().put("id", actor + "/notes/1").put("type", "Note")
                .put("attributedTo", actor).put("inReplyTo", node.url("/vorschlaege/" + proposal))
                .put("content", "<p>Antwort von " + name + "</p>");
        note.putArray("to").add(Contexts.PUBLIC);
        ObjectNode create = ActivityJson.newObject().put("@context", Contexts.ACTIVITYSTREAMS)
                .put("id", actor + "/notes/1/activity").put("type", "Create").put("actor", actor);
        create.putArray("to").add(Contexts.PUBLIC);
        create.set("object", note);
        assertEquals(202, fediverse.post(node, "/inbox", create, keys).status());
        return actor;
    }

    private static String explanation(String actor) {
        return node.browser().get("/verifizierung/pruefen?actor=" + actor).body();
    }

    @Test
    void onlyTheGenuineAttestationEarnsABadgeAndEachForgeryIsExplained() {
        Instant now = Instant.now();
        Instant inAYear = now.plus(Duration.ofDays(365));
        String base = "http://vereine.test:" + fediverse.wireMock().port() + "/users/";

        String genuine = reply("echt", trusted.issue(URI.create(base + "echt"), "Echter Verein e. V.", now, inAYear,
                trusted.key()));
        String untrustedIssuer = reply("fremd", untrusted.issue(URI.create(base + "fremd"), "Fremder Verein e. V.",
                now, inAYear, untrusted.key()));
        String copied = reply("kopie", trusted.issue(URI.create(base + "echt"), "Echter Verein e. V.", now, inAYear,
                trusted.key()));
        String expired = reply("alt", trusted.issue(URI.create(base + "alt"), "Alter Verein e. V.",
                now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(400)), trusted.key()));
        URI mallory = URI.create(trusted.actor().toString().replace("/kommune", "/profil/mallory"));
        Ed25519.PrivateKey malloryKey = Ed25519.generate();
        serveController(mallory, SigningKey.of(mallory, URI.create(mallory + "#ed25519-key"), malloryKey));
        SigningKey foreignKey = SigningKey.of(trusted.actor(), URI.create(mallory + "#ed25519-key"), malloryKey);
        String wrongKey = reply("fremdschluessel", trusted.issue(URI.create(base + "fremdschluessel"),
                "Verein mit fremdem Schlüssel e. V.", now, inAYear, foreignKey));
        SigningKey forger = SigningKey.of(trusted.actor(), trusted.key().keyId(), Ed25519.generate());
        String forged = reply("gefaelscht", trusted.issue(URI.create(base + "gefaelscht"), "Gefälschter Verein e. V.",
                now, inAYear, forger));
        Fediverse.awaitInbox(node);
        Fediverse.await("all six checked", () -> node.sql().count("SELECT count(*) FROM verification_remote_status")
                == 6);

        Map<String, String> reasons = new HashMap<>();
        node.sql().list("SELECT actor_uri, coalesce(reason, 'VERIFIED') AS r FROM verification_remote_status",
                r -> reasons.put(r.str("actor_uri"), r.str("r")));
        assertEquals(Map.of(genuine, "VERIFIED", untrustedIssuer, "UNTRUSTED_ISSUER", copied, "SUBJECT_MISMATCH",
                expired, "EXPIRED", wrongKey, "KEY_NOT_ISSUERS", forged, "BAD_PROOF"), reasons);

        String page = node.browser().get("/vorschlaege/" + proposal).body();
        for (String name : List.of("echt", "fremd", "kopie", "alt", "fremdschluessel", "gefaelscht")) {
            assertTrue(page.contains("Antwort von " + name), "the reply of " + name + " is a comment");
        }
        assertEquals(1, count(page, "ok-verified\">Verifiziert</span>"), "one badge: the genuine one");
        assertTrue(comment(page, "echt").contains("ok-verified\">Verifiziert</span>"));
        for (String name : List.of("fremd", "kopie", "alt", "fremdschluessel", "gefaelscht")) {
            assertFalse(comment(page, name).contains("ok-verified"), name + " has no badge");
            assertTrue(comment(page, name).contains("Nicht verifiziert – warum?"), name + " links to the reason");
        }
        assertTrue(explanation(genuine).contains("Verifiziert: Echter Verein e. V."));
        assertTrue(explanation(untrustedIssuer).contains("einer Stelle, der diese Plattform nicht vertraut"));
        assertTrue(explanation(copied).contains("Sie wurde auf dieses Profil kopiert."));
        assertTrue(explanation(expired).contains("Die Bestätigung ist abgelaufen."));
        assertTrue(explanation(wrongKey).contains("mit einem Schlüssel unterschrieben, der nicht der ausstellenden "
                + "Stelle gehört"));
        assertTrue(explanation(forged).contains("Die Unterschrift passt nicht"));
        assertTrue(explanation(node.url("/profil/anna")).contains("Keine Angaben"), "people are not checked");
        assertEquals(400, node.browser().get("/verifizierung/pruefen?actor=javascript:alert(1)").status());
        assertEquals(400, node.browser().get("/verifizierung/pruefen").status());
    }

    private static String comment(String page, String name) {
        int at = page.indexOf("Antwort von " + name + "<");
        int start = page.lastIndexOf("<li class=\"ok-comment", at);
        return page.substring(start, at);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
