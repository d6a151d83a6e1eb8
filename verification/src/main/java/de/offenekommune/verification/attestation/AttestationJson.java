package de.offenekommune.verification.attestation;

import java.net.URI;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.verification.jcs.JsonFields;
import de.offenekommune.verification.proof.BuiltInContexts;

/**
 * The JSON shape of an attestation: a W3C Verifiable Credential 2.0 of type {@code OrganisationAttestation}. The
 * shape is fixed (exact {@code @context} and {@code type}, the proof repeating the {@code @context}), so that every
 * change to a signed attestation is either a proof failure or a format error.
 */
public final class AttestationJson {
    public static final String TYPE = "OrganisationAttestation";
    public static final String SUBJECT_TYPE = "VerifiedOrganisation";

    private AttestationJson() {
    }

    public static ArrayNode context() {
        return JsonNodeFactory.instance.arrayNode().add(BuiltInContexts.CREDENTIALS_V2)
                .add(BuiltInContexts.OFFENEKOMMUNE_V1);
    }

    /** The unsigned document; sign it with {@link AttestationIssuer}. */
    public static ObjectNode toJson(Attestation attestation) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("@context", context());
        json.put("id", attestation.id().toString());
        json.putArray("type").add("VerifiableCredential").add(TYPE);
        json.put("issuer", attestation.issuer().toString());
        json.put("validFrom", attestation.validFrom().toString());
        json.put("validUntil", attestation.validUntil().toString());
        ObjectNode subject = json.putObject("credentialSubject");
        subject.put("id", attestation.subject().toString());
        subject.put("type", SUBJECT_TYPE);
        subject.put("category", attestation.category().json());
        subject.put("legalName", attestation.legalName());
        subject.put("domain", attestation.domain());
        attestation.ags().ifPresent(ags -> subject.put("ags", ags));
        json.put("revocationList", attestation.revocationList().toString());
        return json;
    }

    /**
     * Reads a signed attestation's statements (the proof is checked elsewhere, its shape here).
     *
     * @throws IllegalArgumentException naming the first member that does not fit the format
     */
    public static Attestation fromJson(JsonNode json) {
        JsonFields.object(json, "attestation");
        requireExactly(json, "@context", context());
        requireExactly(json, "type", JsonNodeFactory.instance.arrayNode().add("VerifiableCredential").add(TYPE));
        JsonNode proof = JsonFields.object(json.get("proof"), "proof");
        requireExactly(proof, "@context", context());
        JsonNode subject = JsonFields.object(json.get("credentialSubject"), "credentialSubject");
        if (!SUBJECT_TYPE.equals(JsonFields.text(subject, "type"))) {
            throw new IllegalArgumentException("credentialSubject type must be " + SUBJECT_TYPE);
        }
        return new Attestation(
                JsonFields.uri(json, "id"),
                JsonFields.uri(json, "issuer"),
                JsonFields.uri(subject, "id"),
                AttestationCategory.fromJson(JsonFields.text(subject, "category")),
                JsonFields.text(subject, "legalName"),
                JsonFields.text(subject, "domain"),
                JsonFields.optionalText(subject, "ags"),
                JsonFields.dateTime(json, "validFrom"),
                JsonFields.dateTime(json, "validUntil"),
                JsonFields.uri(json, "revocationList"));
    }

    /** The attestation's id, if it can be read at all; for log lines about unusable documents. */
    public static Optional<URI> idOf(JsonNode json) {
        try {
            return Optional.of(JsonFields.uri(json, "id"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void requireExactly(JsonNode object, String name, JsonNode expected) {
        if (!expected.equals(object.get(name))) {
            throw new IllegalArgumentException("\"" + name + "\" must be " + expected);
        }
    }
}
