package de.offenekommune.verification.proof;

import java.net.URI;
import java.time.Clock;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.verification.jcs.JsonFields;
import de.offenekommune.verification.key.Origin;
import de.offenekommune.verification.key.SigningKey;

/**
 * FEP-8b32 object integrity proofs on ActivityPub activities and objects, with {@code eddsa-jcs-2022}. The proof
 * must come from the object's owner (FEP-fe34): the {@code actor} of an activity, the {@code attributedTo} of an
 * object, or the actor itself for actor documents; the owner must share the object's origin.
 */
public final class ObjectIntegrityProofs {
    private static final Set<String> ACTOR_TYPES = Set.of("Application", "Group", "Organization", "Person", "Service");

    private final EddsaJcs2022 suite = new EddsaJcs2022();
    private final ActorProofVerifier verifier;
    private final Clock clock;

    public ObjectIntegrityProofs(ActorProofVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Signs an activity or object as its owner. Sign the embedded object first, then the activity, if both are
     * to carry proofs (FEP-8b32 "signed activity with embedded signed object").
     *
     * @throws IllegalArgumentException if the key's controller is not the object's owner, or it already has a proof
     */
    public ObjectNode sign(ObjectNode object, SigningKey key) {
        URI owner = owner(object);
        if (!owner.equals(key.controller())) {
            throw new IllegalArgumentException("key of " + key.controller() + " cannot sign for owner " + owner);
        }
        return suite.sign(object, key, clock.instant());
    }

    /** Verifies the top-level proof; embedded objects' own proofs are checked by calling this on them. */
    public ActorProof verify(JsonNode object) {
        URI owner;
        try {
            JsonFields.object(object, "object");
            owner = owner(object);
            if (object.has("id") && !Origin.same(JsonFields.uri(object, "id"), owner)) {
                return new ActorProof.Failed(ProofFailure.ORIGIN_MISMATCH,
                        "object " + object.get("id").textValue() + " and its owner " + owner + " differ in origin");
            }
        } catch (IllegalArgumentException e) {
            return new ActorProof.Failed(ProofFailure.MALFORMED, e.getMessage());
        }
        return verifier.verify(object, owner);
    }

    /**
     * The actor that owns an activity or object.
     *
     * @throws IllegalArgumentException if no single owner can be read
     */
    public static URI owner(JsonNode object) {
        if (object.has("actor")) {
            return JsonFields.idOf(object, "actor");
        }
        JsonNode attributedTo = object.get("attributedTo");
        if (attributedTo != null) {
            if (attributedTo.isArray()) {
                if (attributedTo.size() != 1) {
                    throw new IllegalArgumentException("attributedTo must name exactly one owner");
                }
                JsonNode only = attributedTo.get(0);
                return only.isObject() ? JsonFields.uri(only, "id") : JsonFields.absoluteUri(only.asText(), "attributedTo");
            }
            return JsonFields.idOf(object, "attributedTo");
        }
        JsonNode type = object.get("type");
        if (type != null && type.isTextual() && ACTOR_TYPES.contains(type.textValue())) {
            return JsonFields.uri(object, "id");
        }
        throw new IllegalArgumentException("object names no owner (actor or attributedTo)");
    }
}
