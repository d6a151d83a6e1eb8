package de.offenekommune.node.activitypub.inbox;

import java.util.Optional;
import java.util.logging.Logger;

import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxHandler;
import de.offenekommune.node.activitypub.LocalRef;
import de.offenekommune.node.support.SupportService;
import de.offenekommune.node.web.HttpError;

/**
 * Like of a proposal: a support from the fediverse, counted apart from local ones; one per actor
 * (a second Like of the same actor, or the same Like again, changes nothing). Likes of anything
 * else are acknowledged and dropped.
 */
public final class LikeHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(LikeHandler.class.getName());

    private final InboxContext ctx;

    public LikeHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(InboxActivity in) {
        String actor = in.activity().actor();
        Optional<LocalRef> ref = in.activity().object() == null ? Optional.empty()
                : ctx.uris().parse(in.activity().object().id());
        if (ref.isEmpty() || !(ref.get() instanceof LocalRef.Proposal p)
                || ctx.blockedBy().blockedAny(ctx.sql(), actor)) {
            return;
        }
        try {
            SupportService.Added added = ctx.participation().supports().supportRemote(p.id(), actor, in.activity().id());
            LOG.fine(() -> "Like of proposal " + p.id() + " by " + actor + ": " + added);
        } catch (HttpError e) {
            LOG.info(() -> "Like of proposal " + p.id() + " by " + actor + " not counted: " + e.messageKey());
        }
    }
}
