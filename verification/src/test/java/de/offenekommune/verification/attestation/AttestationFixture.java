package de.offenekommune.verification.attestation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.verification.key.SigningKey;
import de.offenekommune.verification.testing.InMemoryActors;
import de.offenekommune.verification.testing.TestActors;
import de.offenekommune.verification.trust.NodeKind;
import de.offenekommune.verification.trust.TrustList;

/**
 * A small federation: the town Musterstadt (this node), its region Kreis Musterland, a configured anchor, and a
 * fake town nobody trusts. Each publishes an actor document with an Ed25519 assertion method and a signed
 * revocation list.
 */
final class AttestationFixture {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final URI TOWN = URI.create("https://musterstadt.example/actor");
    static final URI REGION = URI.create("https://kreis-musterland.example/actor");
    static final URI ANCHOR = URI.create("https://land.example/actor");
    static final URI FAKE_TOWN = URI.create("https://musterstadt-official.example/actor");
    static final URI STADTWERKE = URI.create("https://musterstadt.example/organisations/stadtwerke");

    final SigningKey townKey = TestActors.newKey(TOWN.toString());
    final SigningKey regionKey = TestActors.newKey(REGION.toString());
    final SigningKey anchorKey = TestActors.newKey(ANCHOR.toString());
    final SigningKey fakeKey = TestActors.newKey(FAKE_TOWN.toString());
    final InMemoryActors actors = new InMemoryActors();
    final Map<URI, JsonNode> publishedLists = new HashMap<>();

    AttestationFixture() {
        for (SigningKey key : List.of(townKey, regionKey, anchorKey, fakeKey)) {
            actors.put(TestActors.actorDocument(key, "Organization"));
            publish(key, new RevocationList(revocationListOf(key.controller()), key.controller(), NOW.minusSeconds(3600),
                    List.of()));
        }
    }

    static URI revocationListOf(URI issuer) {
        return issuer.resolve("/attestations/revoked");
    }

    static TrustList townTrust() {
        return new TrustList(TOWN, NodeKind.TOWN, Optional.of(REGION), Set.of(ANCHOR));
    }

    AttestationVerifier verifier() {
        return verifier(townTrust(), CLOCK);
    }

    AttestationVerifier verifier(TrustList trust, Clock clock) {
        return new AttestationVerifier(trust, actors, this::lookup, clock);
    }

    RevocationLookup lookup(URI issuer, URI list) {
        JsonNode document = publishedLists.get(list);
        return document == null ? new RevocationLookup.Unavailable("404 for " + list)
                : new RevocationLookup.Found(document);
    }

    void publish(SigningKey key, RevocationList list) {
        publishedLists.put(list.id(), new AttestationIssuer(key, CLOCK).publish(list));
    }

    static Attestation stadtwerke() {
        return attestation(TOWN, STADTWERKE, AttestationCategory.MUNICIPAL_COMPANY, Optional.empty());
    }

    static Attestation attestation(URI issuer, URI subject, AttestationCategory category, Optional<String> ags) {
        return new Attestation(issuer.resolve("/attestations/" + Math.abs(subject.hashCode())), issuer, subject,
                category, "Stadtwerke Musterstadt GmbH", category.isNode() ? subject.getHost() : "stadtwerke-musterstadt.de",
                ags,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), revocationListOf(issuer));
    }

    ObjectNode issue(SigningKey key, Attestation attestation) {
        return new AttestationIssuer(key, CLOCK).issue(attestation);
    }
}
