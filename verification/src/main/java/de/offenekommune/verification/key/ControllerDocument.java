package de.offenekommune.verification.key;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.verification.jcs.JsonFields;

/**
 * The part of a controlled identifier document (for us: an ActivityPub actor) that proofs are checked against: its
 * id and the Ed25519 Multikeys it lists under {@code assertionMethod}. Parse it once per fetch and cache it.
 */
public record ControllerDocument(URI id, List<VerificationMethod> assertionMethod) {
    public ControllerDocument {
        assertionMethod = List.copyOf(assertionMethod);
    }

    /**
     * Reads an actor document. Entries of {@code assertionMethod} that are not embedded Ed25519 Multikeys are
     * skipped, as FEP-521a asks ("SHOULD ignore"); keys whose controller is not this actor are skipped too.
     *
     * @throws IllegalArgumentException if the document has no usable id
     */
    public static ControllerDocument fromActor(JsonNode actor) {
        JsonFields.object(actor, "controller document");
        URI id = JsonFields.uri(actor, "id");
        List<VerificationMethod> methods = new ArrayList<>();
        JsonNode listed = actor.get("assertionMethod");
        if (listed != null && listed.isObject()) {
            addIfUsable(listed, id, methods);
        } else if (listed != null && listed.isArray()) {
            listed.forEach(entry -> addIfUsable(entry, id, methods));
        }
        return new ControllerDocument(id, methods);
    }

    private static void addIfUsable(JsonNode entry, URI controller, List<VerificationMethod> methods) {
        if (!entry.isObject()) {
            return; // a bare reference would need another fetch; FEP-521a embeds the key
        }
        try {
            VerificationMethod method = VerificationMethod.fromJson(entry);
            if (method.controller().equals(controller)) {
                methods.add(method);
            }
        } catch (IllegalArgumentException skipped) {
            // not an Ed25519 Multikey (e.g. an RSA Multikey): not usable for our cryptosuites
        }
    }

    /** The assertion method with this id, if this document lists it. */
    public Optional<VerificationMethod> assertionMethod(URI methodId) {
        return assertionMethod.stream().filter(method -> method.id().equals(methodId)).findFirst();
    }
}
