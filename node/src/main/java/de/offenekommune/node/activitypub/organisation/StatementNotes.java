package de.offenekommune.node.activitypub.organisation;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.activitypub.ApContext;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.actor.ActorKeyStore;
import de.offenekommune.node.statement.Statement;
import de.offenekommune.verification.key.SigningKey;
import de.offenekommune.verification.proof.ObjectIntegrityProofs;

/**
 * Statements as ActivityStreams: a {@code Note} by the organisation's actor, in reply to the project
 * or proposal, marked {@code officialStatement: true}, with a FEP-8b32 integrity proof
 * ({@code eddsa-jcs-2022}) by the organisation's own Ed25519 key, so it stays verifiable when relayed.
 */
public final class StatementNotes {
    public static final String MARKER = "officialStatement";
    private static final String MARKER_IRI = "https://offenekommune.de/ns#" + MARKER;

    private final NodeUris uris;
    private final ApContext context;
    private final ActorKeyStore keys;
    private final ObjectIntegrityProofs proofs;

    public StatementNotes(NodeUris uris, ApContext context, ActorKeyStore keys, ObjectIntegrityProofs proofs) {
        this.uris = uris;
        this.context = context;
        this.keys = keys;
        this.proofs = proofs;
    }

    /** Where a statement goes: what it answers, the remote author to address (if any), the project group. */
    public record Placement(String inReplyTo, String remoteOwner, String group) {
    }

    /**
     * The signed Note, with its {@code @context} (part of what is signed). A deleted organisation's
     * statements stay, without a proof once its keys are gone (its actor answers 410: nobody could
     * check one).
     */
    public ObjectNode signedNote(Statement s, Placement at) {
        String id = uris.base() + Statement.path(s.id());
        ObjectNode note = ActivityJson.newObject().put("id", id).put("type", "Note").put("attributedTo", s.actor())
                .put("inReplyTo", at.inReplyTo()).put("content", s.bodyHtml()).put("mediaType", "text/html")
                .put("url", id).put("published", AsText.time(s.createdAt())).put(MARKER, true);
        if (at.group() != null) {
            note.put("audience", at.group());
        }
        note.putArray("to").add(Contexts.PUBLIC);
        ArrayNode cc = note.putArray("cc").add(NodeUris.followers(s.actor()));
        if (at.remoteOwner() != null) {
            cc.add(at.remoteOwner());
            note.putArray("tag").addObject().put("type", "Mention").put("href", at.remoteOwner())
                    .put("name", at.remoteOwner());
        }
        ArrayNode ctx = ActivityJson.mapper().createArrayNode().add(Contexts.ACTIVITYSTREAMS)
                .add(Contexts.DATA_INTEGRITY_V2).add(context.inlineFor(note));
        ObjectNode withContext = ActivityJson.newObject();
        withContext.set("@context", ctx);
        withContext.setAll(note);
        return keys.keysIfLive(s.actor()).map(k -> proofs.sign(withContext, signingKey(s.actor(), k)))
                .orElse(withContext);
    }

    /** The organisation's Ed25519 key as a signing key for proofs ({@code <actor>#ed25519-key}). */
    public SigningKey signingKey(String actor) {
        return signingKey(actor, keys.keys(actor));
    }

    private static SigningKey signingKey(String actor, ActorKeyStore.Keys keys) {
        var ed = keys.keys().ed25519();
        return SigningKey.of(URI.create(actor), URI.create(ed.keyId()), ed.key());
    }

    /** Whether a received Note (as the federation library normalised it) says it is an official statement. */
    public static boolean marked(JsonNode note) {
        return isTrue(note.get(MARKER)) || isTrue(note.get(MARKER_IRI)) || isTrue(note.get("ok:" + MARKER));
    }

    private static boolean isTrue(JsonNode value) {
        if (value == null) {
            return false;
        }
        JsonNode v = value.isObject() && value.has("@value") ? value.get("@value") : value;
        return v.isBoolean() ? v.booleanValue() : "true".equals(v.asText());
    }
}
