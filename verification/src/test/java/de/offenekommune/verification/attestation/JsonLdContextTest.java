package de.offenekommune.verification.attestation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import de.offenekommune.verification.proof.BuiltInContexts;
import de.offenekommune.verification.proof.RdfCanonicalizer;

/**
 * Attestations are signed with JCS, but they are JSON-LD too: with the built-in contexts every member must expand to
 * a full IRI (none dropped), so RDF consumers read what we sign.
 */
class JsonLdContextTest {
    private final RdfCanonicalizer canonicalizer = new RdfCanonicalizer(new BuiltInContexts());

    @Test
    void attestationTermsExpandToOurVocabulary() {
        String nquads = canonicalizer.canonicalNQuads(ExampleDocuments.all().get("attestation-municipality-node.json"));

        for (String iri : new String[] {"https://offenekommune.de/ns#OrganisationAttestation",
            "https://offenekommune.de/ns#VerifiedOrganisation", "https://offenekommune.de/ns#category",
            "https://schema.org/legalName", "https://offenekommune.de/ns#domain", "https://offenekommune.de/ns#ags",
            "https://offenekommune.de/ns#revocationList", "https://www.w3.org/2018/credentials#validUntil",
            "https://www.w3.org/2018/credentials#issuer", "https://w3id.org/security#proofValue"}) {
            assertTrue(nquads.contains("<" + iri + ">"), () -> iri + " missing in\n" + nquads);
        }
    }

    @Test
    void revocationListTermsExpandToOurVocabulary() {
        String nquads = canonicalizer.canonicalNQuads(ExampleDocuments.all().get("revocation-list.json"));

        for (String iri : new String[] {"https://offenekommune.de/ns#AttestationRevocationList",
            "https://www.w3.org/2018/credentials#issuer", "https://offenekommune.de/ns#updated",
            "https://offenekommune.de/ns#revoked", "https://offenekommune.de/ns#attestation",
            "https://offenekommune.de/ns#reason", "https://offenekommune.de/ns#revokedAt"}) {
            assertTrue(nquads.contains("<" + iri + ">"), () -> iri + " missing in\n" + nquads);
        }
    }
}
