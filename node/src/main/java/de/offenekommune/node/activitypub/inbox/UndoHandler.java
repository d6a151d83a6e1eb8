package de.offenekommune.node.activitypub.inbox;

import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxCheck;
import de.offenekommune.federation.inbox.InboxHandler;
import de.offenekommune.federation.inbox.Signer;
import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.JsonValues;

/**
 * Undo of the signer's own Follow, Like (support withdrawn) or Block. The embedded activity must be
 * the signer's; a bare id (as some servers send) is tried as a Like and as a Block of the signer's.
 */
public final class UndoHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(UndoHandler.class.getName());

    private final InboxContext ctx;

    public UndoHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public InboxCheck check(Activity activity, Signer signer, String inboxOwner) {
        if (activity.object() == null || activity.object().id() == null) {
            return InboxCheck.refuse(400, "Undo needs an object");
        }
        return activity.embeddedObject()
                .map(o -> {
                    String innerActor = JsonValues.id(o.json().get("actor"));
                    return innerActor == null || innerActor.equals(signer.actorId()) ? InboxCheck.ACCEPT
                            : InboxCheck.refuse(403, "only " + innerActor + " can undo its own activity");
                })
                .orElse(InboxCheck.ACCEPT);
    }

    @Override
    public void handle(InboxActivity in) {
        Activity undo = in.activity();
        String actor = undo.actor();
        String innerId = undo.object().id();
        String innerType = undo.embeddedObject().map(o -> o.type()).orElse(null);
        if ("Follow".equals(innerType)) {
            JsonNode object = undo.embeddedObject().get().json().get("object");
            String local = JsonValues.id(object);
            if (local != null && ctx.followers().remove(local, actor)) {
                LOG.info(() -> actor + " no longer follows " + local);
            }
            return;
        }
        if (innerType == null || "Like".equals(innerType)) {
            ctx.participation().supports().withdrawRemote(innerId, actor);
        }
        if (innerType == null || "Block".equals(innerType)) {
            ctx.sql().runInTransaction(tx -> ctx.blockedBy().remove(tx, actor, innerId));
        }
    }
}
