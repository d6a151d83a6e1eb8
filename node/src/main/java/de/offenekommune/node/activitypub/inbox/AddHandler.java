package de.offenekommune.node.activitypub.inbox;

import java.util.logging.Logger;

import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxCheck;
import de.offenekommune.federation.inbox.InboxHandler;
import de.offenekommune.federation.inbox.Signer;
import de.offenekommune.federation.vocab.Activity;

/**
 * Add: a region gives this node's town actor its node attestation (object: the attestation's id,
 * target: the town actor). Other Adds (Mastodon's pinned posts, featured collections) are dropped.
 */
public final class AddHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(AddHandler.class.getName());

    private final InboxContext ctx;

    public AddHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public InboxCheck check(Activity activity, Signer signer, String inboxOwner) {
        return Attestations.check(activity);
    }

    @Override
    public void handle(InboxActivity in) {
        Activity add = in.activity();
        if (!Attestations.forTown(ctx, add)) {
            LOG.fine(() -> "Add " + add.id() + " ignored: not for the town actor");
            return;
        }
        ctx.nodeAttestations().receiver().added(add.actor(), add.object().id());
    }
}
