package de.offenekommune.node.activitypub.inbox;

import java.util.logging.Logger;

import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxHandler;
import de.offenekommune.node.privacy.RemoteActorErasure;

/**
 * Delete by the author of its own content: a reply disappears from the thread (only the signer's
 * own comment); a neighbour's project or proposal goes; a deleted actor stops following us and what we
 * hold of it is erased ({@link RemoteActorErasure}).
 */
public final class DeleteHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(DeleteHandler.class.getName());

    private final InboxContext ctx;

    public DeleteHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(InboxActivity in) {
        String actor = in.activity().actor();
        String objectId = in.activity().object().id();
        // Only the actor itself deletes itself: the handler sees only activities whose actor signed them.
        if (objectId.equals(actor)) {
            int removed = ctx.followers().removeRemoteActor(actor);
            RemoteActorErasure.Erased erased = new RemoteActorErasure(ctx.sql(), ctx.clock()).erase(actor);
            ctx.remoteActors().forget(actor);
            LOG.info(() -> actor + " was deleted; removed from " + removed + " follower list(s); " + erased);
            return;
        }
        if (ctx.participation().comments().deleteRemote(objectId, actor).isPresent()) {
            LOG.info(() -> "Comment " + objectId + " deleted by its author");
            return;
        }
        if (ctx.organisations().statements().deleteRemote(objectId, actor).isPresent()) {
            LOG.info(() -> "Statement " + objectId + " deleted by its author");
            return;
        }
        ctx.neighbours().deleted(actor, objectId);
    }
}
