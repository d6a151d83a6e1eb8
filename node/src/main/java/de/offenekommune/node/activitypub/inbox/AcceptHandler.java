package de.offenekommune.node.activitypub.inbox;

import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxHandler;

/** Accept (or, with {@code accepted = false}, Reject) of the town's Follow of a neighbouring town. */
public final class AcceptHandler implements InboxHandler {
    private final InboxContext ctx;
    private final boolean accepted;

    public AcceptHandler(InboxContext ctx, boolean accepted) {
        this.ctx = ctx;
        this.accepted = accepted;
    }

    @Override
    public void handle(InboxActivity in) {
        if (in.activity().object() == null || in.activity().object().id() == null) {
            return;
        }
        ctx.neighbours().answered(in.activity().actor(), in.activity().object().id(), accepted);
    }
}
