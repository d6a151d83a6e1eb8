package de.offenekommune.node.activitypub.inbox;

import java.util.logging.Logger;

import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxCheck;
import de.offenekommune.federation.inbox.InboxHandler;
import de.offenekommune.federation.inbox.Signer;
import de.offenekommune.federation.vocab.Activity;

/** Remove: the region withdraws the node attestation it gave the town actor; only the issuer can. */
public final class RemoveHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(RemoveHandler.class.getName());

    private final InboxContext ctx;

    public RemoveHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public InboxCheck check(Activity activity, Signer signer, String inboxOwner) {
        return Attestations.check(activity);
    }

    @Override
    public void handle(InboxActivity in) {
        Activity remove = in.activity();
        if (!Attestations.forTown(ctx, remove)) {
            LOG.fine(() -> "Remove " + remove.id() + " ignored: not for the town actor");
            return;
        }
        boolean removed = ctx.nodeAttestations().receiver().removed(remove.actor(), remove.object().id());
        LOG.info(() -> "Remove of " + remove.object().id() + " by " + remove.actor()
                + (removed ? " applied" : ": not held from this issuer"));
    }
}
