package de.offenekommune.node.activitypub.inbox;

import java.util.logging.Logger;

import de.offenekommune.federation.fetch.Dereferenced;
import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxHandler;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.AsObject;

/**
 * A town we follow shares something (its citizens' proposals): the object is fetched from its own
 * origin (an embedded copy could be forged) and kept as a neighbour item if it is attributed to an
 * actor on that same host. Announces from anyone else are dropped.
 */
public final class AnnounceHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(AnnounceHandler.class.getName());

    private final InboxContext ctx;

    public AnnounceHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(InboxActivity in) {
        String actor = in.activity().actor();
        if (in.activity().object() == null || !ctx.neighbours().isNeighbour(actor)) {
            return;
        }
        String objectId = in.activity().object().id();
        if (!Origin.sameHost(objectId, actor)) {
            return;
        }
        Dereferenced fetched = ctx.dereferencer().fetch(objectId);
        if (fetched instanceof Dereferenced.Found found && found.document() instanceof AsObject o
                && !o.attributedTo().isEmpty() && Origin.sameHost(o.attributedTo().getFirst(), objectId)) {
            ctx.neighbours().received(actor, o);
            VerifiedAuthors.seen(ctx, o.attributedTo().getFirst());
        } else {
            LOG.fine(() -> "Announced " + objectId + " not kept: " + fetched);
        }
    }
}
