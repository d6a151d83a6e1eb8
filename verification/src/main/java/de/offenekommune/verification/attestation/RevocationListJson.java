package de.offenekommune.verification.attestation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.verification.jcs.JsonFields;
import de.offenekommune.verification.proof.BuiltInContexts;

/** The JSON shape of a revocation list ({@code AttestationRevocationList}); fixed like {@link AttestationJson}. */
public final class RevocationListJson {
    public static final String TYPE = "AttestationRevocationList";

    private RevocationListJson() {
    }

    public static ArrayNode context() {
        return JsonNodeFactory.instance.arrayNode().add(BuiltInContexts.DATA_INTEGRITY_V2)
                .add(BuiltInContexts.OFFENEKOMMUNE_V1);
    }

    /** The unsigned document; sign it with {@link AttestationIssuer#publish(RevocationList)}. */
    public static ObjectNode toJson(RevocationList list) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("@context", context());
        json.put("id", list.id().toString());
        json.put("type", TYPE);
        json.put("issuer", list.issuer().toString());
        json.put("updated", list.updated().toString());
        ArrayNode revoked = json.putArray("revoked");
        for (Revocation revocation : list.revoked()) {
            revoked.addObject()
                    .put("attestation", revocation.attestation().toString())
                    .put("reason", revocation.reason())
                    .put("revokedAt", revocation.revokedAt().toString());
        }
        return json;
    }

    /** @throws IllegalArgumentException naming the first member that does not fit the format */
    public static RevocationList fromJson(JsonNode json) {
        JsonFields.object(json, "revocation list");
        if (!context().equals(json.get("@context"))) {
            throw new IllegalArgumentException("\"@context\" must be " + context());
        }
        if (!TYPE.equals(JsonFields.text(json, "type"))) {
            throw new IllegalArgumentException("type must be " + TYPE);
        }
        JsonNode revoked = json.get("revoked");
        if (revoked == null || !revoked.isArray()) {
            throw new IllegalArgumentException("\"revoked\" must be an array");
        }
        List<Revocation> entries = new ArrayList<>(revoked.size());
        for (JsonNode entry : revoked) {
            JsonFields.object(entry, "revoked entry");
            entries.add(new Revocation(JsonFields.uri(entry, "attestation"), JsonFields.text(entry, "reason"),
                    JsonFields.dateTime(entry, "revokedAt")));
        }
        return new RevocationList(JsonFields.uri(json, "id"), JsonFields.uri(json, "issuer"),
                JsonFields.dateTime(json, "updated"), entries);
    }
}
