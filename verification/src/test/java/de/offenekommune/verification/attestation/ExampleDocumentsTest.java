package de.offenekommune.verification.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import de.offenekommune.verification.jcs.StrictJson;
import de.offenekommune.verification.proof.ActorProof;
import de.offenekommune.verification.proof.ActorProofVerifier;
import de.offenekommune.verification.proof.ObjectIntegrityProofs;
import de.offenekommune.verification.testing.InMemoryActors;
import de.offenekommune.verification.testing.TestActors;
import de.offenekommune.verification.trust.NodeKind;
import de.offenekommune.verification.trust.TrustList;
import de.offenekommune.verification.trust.TrustRole;

/** The documented examples are what the code produces, and they verify. */
class ExampleDocumentsTest {
    private final Map<String, JsonNode> committed = read();
    private final InMemoryActors actors = new InMemoryActors()
            .put(committed.get("town-actor.json"))
            .put(TestActors.actorDocument(ExampleDocuments.REGION_KEY, "Organization"))
            .put(committed.get("organisation-actor.json"));

    private static Map<String, JsonNode> read() {
        Map<String, JsonNode> documents = new java.util.LinkedHashMap<>();
        for (String name : ExampleDocuments.all().keySet()) {
            try {
                documents.put(name, StrictJson.parse(Files.readString(ExampleDocuments.DIR.resolve(name))));
            } catch (IOException e) {
                throw new IllegalStateException("missing example " + name + "; run ExampleDocuments.main", e);
            }
        }
        return documents;
    }

    @Test
    void committedExamplesAreWhatTheCodeProduces() {
        assertEquals(ExampleDocuments.all(), committed);
    }

    @Test
    void theCompanyAttestationVerifiesOnMusterstadtsNode() {
        TrustList musterstadt = new TrustList(ExampleDocuments.TOWN, NodeKind.TOWN, Optional.empty(), Set.of());
        AttestationVerifier verifier = new AttestationVerifier(musterstadt, actors,
                (issuer, list) -> new RevocationLookup.Found(committed.get("revocation-list.json")),
                ExampleDocuments.CLOCK);

        JsonNode attached = committed.get("organisation-actor.json").get("attestations").get(0);
        AttestationVerification result = verifier.verify(attached, ExampleDocuments.STADTWERKE);

        assertEquals(ExampleDocuments.companyAttestation(),
                assertInstanceOf(AttestationVerification.Valid.class, result).attestation());
    }

    @Test
    void theNodeAttestationVerifiesOnBruehlsNodeWhoseRegionIssuedIt() {
        TrustList bruehl = new TrustList(ExampleDocuments.BRUEHL, NodeKind.TOWN, Optional.of(ExampleDocuments.REGION),
                Set.of());
        JsonNode regionList = new AttestationIssuer(ExampleDocuments.REGION_KEY, ExampleDocuments.CLOCK).publish(
                new RevocationList(ExampleDocuments.nodeAttestation().revocationList(), ExampleDocuments.REGION,
                        ExampleDocuments.CLOCK.instant(), java.util.List.of()));
        AttestationVerifier verifier = new AttestationVerifier(bruehl, actors,
                (issuer, list) -> new RevocationLookup.Found(regionList), ExampleDocuments.CLOCK);

        AttestationVerification result = verifier.verify(committed.get("attestation-municipality-node.json"),
                ExampleDocuments.BRUEHL);

        assertEquals(TrustRole.REGION, assertInstanceOf(AttestationVerification.Valid.class, result).issuer().role());
    }

    @Test
    void theSignedStatementVerifiesAsTheOrganisations() {
        ObjectIntegrityProofs proofs = new ObjectIntegrityProofs(
                ActorProofVerifier.withEddsaSuites(actors, ExampleDocuments.CLOCK), ExampleDocuments.CLOCK);

        ActorProof result = proofs.verify(committed.get("statement-note.json"));

        assertEquals(URI.create("https://musterstadt.example/organisations/stadtwerke"),
                assertInstanceOf(ActorProof.Proven.class, result).actor());
    }
}
