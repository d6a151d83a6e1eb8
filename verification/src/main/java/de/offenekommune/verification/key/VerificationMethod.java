package de.offenekommune.verification.key;

import java.net.URI;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.verification.jcs.JsonFields;

/**
 * An Ed25519 public key published as a {@code Multikey} verification method (FEP-521a, W3C Controlled Identifiers):
 * {@code {id, type: "Multikey", controller, publicKeyMultibase}}. The key is parsed once, here.
 */
public record VerificationMethod(URI id, URI controller, Ed25519.PublicKey publicKey) {
    public static final String TYPE = "Multikey";

    public VerificationMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** The FEP-521a object to put into an actor's {@code assertionMethod} array. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id.toString());
        json.put("type", TYPE);
        json.put("controller", controller.toString());
        json.put("publicKeyMultibase", publicKey.multibase());
        return json;
    }

    /**
     * @throws IllegalArgumentException if the object is not an Ed25519 Multikey (other key types, e.g. RSA
     *         Multikeys, are rejected here; callers reading an actor skip them)
     */
    public static VerificationMethod fromJson(JsonNode json) {
        JsonFields.object(json, "verification method");
        if (!TYPE.equals(JsonFields.text(json, "type"))) {
            throw new IllegalArgumentException("verification method type must be Multikey");
        }
        URI id = JsonFields.uri(json, "id");
        URI controller = JsonFields.uri(json, "controller");
        Ed25519.PublicKey key = Ed25519.fromMultibase(JsonFields.text(json, "publicKeyMultibase"));
        return new VerificationMethod(id, controller, key);
    }
}
