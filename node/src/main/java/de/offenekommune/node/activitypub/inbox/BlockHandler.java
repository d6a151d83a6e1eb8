package de.offenekommune.node.activitypub.inbox;

import java.util.logging.Logger;

import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxHandler;

/**
 * A remote actor blocks one of ours: it is removed from that actor's followers (so no more
 * deliveries go to it from there) and what it sends is ignored from now on, until it sends Undo{Block}.
 */
public final class BlockHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(BlockHandler.class.getName());

    private final InboxContext ctx;

    public BlockHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(InboxActivity in) {
        String actor = in.activity().actor();
        String local = in.activity().object() == null ? null : in.activity().object().id();
        if (local == null || ctx.actors().byId(local).isEmpty()) {
            return;
        }
        ctx.sql().runInTransaction(tx -> ctx.blockedBy().add(tx, actor, local, in.activity().id()));
        ctx.followers().remove(local, actor);
        LOG.info(() -> actor + " blocked " + local);
    }
}
