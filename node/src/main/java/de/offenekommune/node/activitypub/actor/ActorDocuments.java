package de.offenekommune.node.activitypub.actor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import de.offenekommune.federation.vocab.ActorDocument;
import de.offenekommune.federation.vocab.Capabilities;
import de.offenekommune.node.activitypub.ApContext;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;

/**
 * Writes local actors' documents: endpoints, the RSA key as {@code publicKey} (what Mastodon checks
 * draft-cavage signatures with) and the Ed25519 key as an {@code assertionMethod} Multikey
 * (FEP-521a), the signatures we verify (FEP-844e {@code implements}: RFC 9421, also with Ed25519),
 * then whatever registered {@link ActorDocumentExtension}s add.
 */
public final class ActorDocuments {
    private final NodeUris uris;
    private final ActorKeyStore keys;
    private final ApContext context;
    private final List<ActorDocumentExtension> extensions = new CopyOnWriteArrayList<>();

    public ActorDocuments(NodeUris uris, ActorKeyStore keys, ApContext context) {
        this.uris = uris;
        this.keys = keys;
        this.context = context;
    }

    /** Adds properties to every actor document (attestations of verified organisations). */
    public void extend(ActorDocumentExtension extension) {
        extensions.add(extension);
    }

    public ObjectNode document(LocalActor actor) {
        ActorKeyStore.Keys k = keys.keys(actor.id());
        ActorDocument.Builder b = ActorDocument.builder(actor.id(), actor.kind().asType())
                .preferredUsername(actor.handle())
                .name(actor.name())
                .summary(AsText.paragraph(actor.summary()))
                .url(actor.profileUrl())
                .inbox(NodeUris.inbox(actor.id()))
                .outbox(NodeUris.outbox(actor.id()))
                .followers(NodeUris.followers(actor.id()))
                .sharedInbox(uris.sharedInbox())
                .manuallyApprovesFollowers(actor.locked())
                .rsaKey(k.keys().rsa().keyId(), k.rsaPublic())
                .ed25519Key(k.keys().ed25519().keyId(), k.ed25519Public())
                // FEP-844e: other servers learn from any of our actors that we verify RFC 9421 Ed25519.
                .implementing(Capabilities.OURS);
        if (actor.kind() == ActorKind.TOWN) {
            b.following(NodeUris.following(actor.id()));
        }
        // Citizens' profiles are reachable but not advertised for search; the rest is public by purpose.
        boolean listed = actor.kind() != ActorKind.PERSON;
        b.property("discoverable", BooleanNode.valueOf(listed)).property("indexable", BooleanNode.valueOf(listed));
        if (actor.createdAt() != null) {
            b.property("published", TextNode.valueOf(AsText.time(actor.createdAt())));
        }
        for (ActorDocumentExtension e : extensions) {
            e.extend(actor, b);
        }
        ObjectNode doc = b.build();
        ObjectNode inline = context.inlineFor(doc);
        if (!inline.isEmpty()) {
            ((ArrayNode) doc.get("@context")).add(inline);
        }
        return doc;
    }
}
