package de.offenekommune.verification.attestation;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.verification.jcs.StrictJson;
import de.offenekommune.verification.key.SigningKey;
import de.offenekommune.verification.proof.ActorProofVerifier;
import de.offenekommune.verification.proof.ObjectIntegrityProofs;
import de.offenekommune.verification.testing.TestActors;
import de.offenekommune.verification.testing.Vectors;

/**
 * The documents shown in docs/FEDERATION.md ("Verified organisations and attestations"). Ed25519 signatures are
 * deterministic, so with fixed keys and a fixed clock these are byte-for-byte reproducible; {@code ExampleDocumentsTest}
 * checks the committed copies. Run {@link #main} to rewrite them after a format change. The keys are public test keys, never to be used for real.
 */
final class ExampleDocuments {
    static final Path DIR = Path.of("src/test/resources/examples");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
    static final URI TOWN = URI.create("https://musterstadt.example/actor");
    static final URI STADTWERKE = URI.create("https://musterstadt.example/organisations/stadtwerke");
    static final URI REGION = URI.create("https://rhein-erft-kreis.example/actor");
    static final URI BRUEHL = URI.create("https://bruehl.example/actor");

    /** The vc-di-eddsa test key pair, as Musterstadt's assertion-method key. */
    static final SigningKey TOWN_KEY = SigningKey.of(TOWN, URI.create(TOWN + "#ed25519-key"), Vectors.vectorPrivateKey());
    static final SigningKey REGION_KEY = SigningKey.of(REGION, URI.create(REGION + "#ed25519-key"), seeded("region"));
    static final SigningKey STADTWERKE_KEY = SigningKey.of(STADTWERKE, URI.create(STADTWERKE + "#ed25519-key"),
            seeded("stadtwerke"));

    private ExampleDocuments() {
    }

    static Attestation companyAttestation() {
        return new Attestation(URI.create("https://musterstadt.example/attestations/3f1c9a0e"), TOWN, STADTWERKE,
                AttestationCategory.MUNICIPAL_COMPANY, "Stadtwerke Musterstadt GmbH", "stadtwerke-musterstadt.de",
                Optional.empty(), Instant.parse("2026-03-02T09:30:00Z"), Instant.parse("2027-03-02T09:30:00Z"),
                URI.create("https://musterstadt.example/attestations/revoked"));
    }

    static Attestation nodeAttestation() {
        return new Attestation(URI.create("https://rhein-erft-kreis.example/attestations/05362012"), REGION, BRUEHL,
                AttestationCategory.MUNICIPALITY_NODE, "Stadt Brühl", "bruehl.example", Optional.of("05362012"),
                Instant.parse("2026-03-02T09:30:00Z"), Instant.parse("2028-03-02T09:30:00Z"),
                URI.create("https://rhein-erft-kreis.example/attestations/revoked"));
    }

    static RevocationList revocationList() {
        return new RevocationList(URI.create("https://musterstadt.example/attestations/revoked"), TOWN,
                Instant.parse("2026-03-02T09:30:00Z"), List.of(new Revocation(
                        URI.create("https://musterstadt.example/attestations/8d2e4b71"),
                        "Die Fraktion hat sich aufgelöst.", Instant.parse("2026-02-27T14:00:00Z"))));
    }

    /** name -> document, in the order the documentation shows them. */
    static Map<String, JsonNode> all() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("town-actor.json", TestActors.actorDocument(TOWN_KEY, "Organization"));
        documents.put("attestation-municipal-company.json",
                new AttestationIssuer(TOWN_KEY, CLOCK).issue(companyAttestation()));
        documents.put("attestation-municipality-node.json",
                new AttestationIssuer(REGION_KEY, CLOCK).issue(nodeAttestation()));
        documents.put("organisation-actor.json", organisationActor(documents.get("attestation-municipal-company.json")));
        documents.put("revocation-list.json", new AttestationIssuer(TOWN_KEY, CLOCK).publish(revocationList()));
        documents.put("statement-note.json", signedStatement());
        return documents;
    }

    /** The verified organisation's actor with its attestation attached (the node's job; shown as suggested). */
    static ObjectNode organisationActor(JsonNode attestation) {
        ObjectNode actor = TestActors.actorDocument(STADTWERKE_KEY, "Organization");
        actor.withArray("@context").add("https://offenekommune.de/ns/v1");
        actor.put("name", "Stadtwerke Musterstadt");
        actor.putArray("attestations").add(attestation);
        return actor;
    }

    /** An official statement by the verified organisation, with its own FEP-8b32 proof. */
    static ObjectNode signedStatement() {
        ObjectNode note = JsonNodeFactory.instance.objectNode();
        note.putArray("@context").add("https://www.w3.org/ns/activitystreams")
                .add("https://w3id.org/security/data-integrity/v2");
        note.put("id", STADTWERKE + "/statements/1");
        note.put("type", "Note");
        note.put("attributedTo", STADTWERKE.toString());
        note.put("inReplyTo", "https://musterstadt.example/proposals/42");
        note.put("content", "<p>Die Stadtwerke prüfen den Vorschlag und antworten bis Ende April.</p>");
        note.put("published", "2026-03-02T09:30:00Z");
        ObjectIntegrityProofs proofs = new ObjectIntegrityProofs(
                ActorProofVerifier.withEddsaSuites(method -> Optional.empty(), CLOCK), CLOCK);
        return proofs.sign(note, STADTWERKE_KEY);
    }

    static String pretty(JsonNode node) {
        try {
            return StrictJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Ed25519.PrivateKey seeded(String name) {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256")
                    .digest(("offenekommune example key " + name).getBytes(StandardCharsets.UTF_8));
            return Ed25519.privateKey(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites the committed examples; run from the verification module directory. */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        for (Map.Entry<String, JsonNode> document : all().entrySet()) {
            Files.writeString(DIR.resolve(document.getKey()), pretty(document.getValue()));
        }
    }
}
