package de.offenekommune.verification.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.verification.attestation.Attestation;
import de.offenekommune.verification.attestation.AttestationCategory;
import de.offenekommune.verification.attestation.AttestationIssuer;
import de.offenekommune.verification.attestation.AttestationVerifier;
import de.offenekommune.verification.attestation.Revocation;
import de.offenekommune.verification.attestation.RevocationList;
import de.offenekommune.verification.attestation.RevocationLookup;
import de.offenekommune.verification.jcs.JsonCanonicalizer;
import de.offenekommune.verification.key.ControllerDocument;
import de.offenekommune.verification.key.SigningKey;
import de.offenekommune.verification.proof.ActorProofVerifier;
import de.offenekommune.verification.proof.ObjectIntegrityProofs;
import de.offenekommune.verification.testing.TestActors;
import de.offenekommune.verification.trust.NodeKind;
import de.offenekommune.verification.trust.TrustList;

/**
 * Prints the cost of the hot operations (not a test; no assertions on time). Run with the test classpath:
 * {@code java -cp ... de.offenekommune.verification.bench.ProofBenchmark}. Keys and controller documents are parsed
 * once, as the node's caches hold them.
 */
public final class ProofBenchmark {
    private static final int WARMUP = 2_000;
    private static final int ROUNDS = 10_000;

    private ProofBenchmark() {
    }

    public static void main(String[] args) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
        URI town = URI.create("https://musterstadt.example/actor");
        URI org = URI.create("https://musterstadt.example/organisations/stadtwerke");
        SigningKey townKey = TestActors.newKey(town.toString());
        SigningKey orgKey = TestActors.newKey(org.toString());
        ControllerDocument townDocument = ControllerDocument.fromActor(TestActors.actorDocument(townKey, "Organization"));
        ControllerDocument orgDocument = ControllerDocument.fromActor(TestActors.actorDocument(orgKey, "Organization"));

        AttestationIssuer issuer = new AttestationIssuer(townKey, clock);
        Attestation attestation = new Attestation(town.resolve("/attestations/1"), town, org,
                AttestationCategory.MUNICIPAL_COMPANY, "Stadtwerke Musterstadt GmbH", "stadtwerke-musterstadt.de",
                Optional.empty(), clock.instant(), clock.instant().plusSeconds(86_400 * 365),
                town.resolve("/attestations/revoked"));
        ObjectNode signed = issuer.issue(attestation);
        List<Revocation> revocations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            revocations.add(new Revocation(town.resolve("/attestations/r" + i), "widerrufen", clock.instant()));
        }
        ObjectNode list = issuer.publish(new RevocationList(town.resolve("/attestations/revoked"), town,
                clock.instant(), revocations));
        AttestationVerifier verifier = new AttestationVerifier(
                new TrustList(town, NodeKind.TOWN, Optional.empty(), Set.of()),
                method -> Optional.of(townDocument), (i, l) -> new RevocationLookup.Found(list), clock);

        ObjectNode note = TestActors.actorDocument(orgKey, "Note");
        note.put("type", "Note").put("attributedTo", org.toString()).put("id", org + "/statements/1")
                .put("content", "<p>Stellungnahme der Stadtwerke zum Vorschlag 42.</p>");
        note.remove("assertionMethod");
        ObjectIntegrityProofs proofs = new ObjectIntegrityProofs(
                ActorProofVerifier.withEddsaSuites(method -> Optional.of(orgDocument), clock), clock);
        ObjectNode signedNote = proofs.sign(note, orgKey);

        Ed25519.PrivateKey raw = Ed25519.generate();
        byte[] message = new byte[64];
        byte[] signature = raw.sign(message);
        Ed25519.PublicKey rawPublic = raw.publicKey();

        measure("Ed25519 sign (64-byte hash)", () -> raw.sign(message));
        measure("Ed25519 verify (64-byte hash)", () -> rawPublic.verify(message, signature));
        measure("JCS of a signed attestation", () -> JsonCanonicalizer.canonicalize(signed));
        measure("issue attestation (build + JCS + sign)", () -> issuer.issue(attestation));
        measure("verify attestation incl. 100-entry revocation list", () -> verifier.verify(signed, org));
        measure("sign FEP-8b32 note", () -> proofs.sign(note, orgKey));
        measure("verify FEP-8b32 note", () -> proofs.verify(signedNote));
    }

    private static void measure(String name, Supplier<?> operation) {
        for (int i = 0; i < WARMUP; i++) {
            operation.get();
        }
        long start = System.nanoTime();
        Object sink = null;
        for (int i = 0; i < ROUNDS; i++) {
            sink = operation.get();
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / ROUNDS;
        System.out.printf("%-55s %8.1f µs/op  (%d rounds)%s%n", name, micros, ROUNDS, sink == null ? "!" : "");
    }
}
