package de.offenekommune.node.activitypub.inbox;

import java.util.logging.Logger;

import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxCheck;
import de.offenekommune.federation.inbox.InboxHandler;
import de.offenekommune.federation.inbox.Signer;
import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.federation.vocab.AsDocument;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.node.web.HttpError;

/**
 * Update by the author of its own content: an edited reply changes that comment only if the signer
 * wrote it; a neighbour's project or proposal is refreshed; an actor's profile is fetched again.
 */
public final class UpdateHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(UpdateHandler.class.getName());

    private final InboxContext ctx;

    public UpdateHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public InboxCheck check(Activity activity, Signer signer, String inboxOwner) {
        return Limits.embeddedObject(activity);
    }

    @Override
    public void handle(InboxActivity in) {
        String actor = in.activity().actor();
        AsDocument object = in.activity().embeddedObject().orElseThrow();
        if (object instanceof Actor) {
            if (object.id().equals(actor)) {
                ctx.remoteActors().fetchActor(actor);
                // An organisation's attestation may have been issued or revoked: check it again now.
                ctx.organisationFederation().controllerDocuments().forget(actor);
                VerifiedAuthors.changed(ctx, actor);
            }
            return;
        }
        if (!(object instanceof AsObject o) || ctx.blockedBy().blockedAny(ctx.sql(), actor)) {
            return;
        }
        if ("Note".equals(o.type())) {
            try {
                boolean changed = ctx.participation().comments().editRemote(o.id(), actor,
                        o.content() == null ? "" : o.content()).isPresent();
                LOG.fine(() -> "Update of " + o.id() + " by " + actor + (changed ? " applied" : ": no comment of theirs"));
            } catch (HttpError e) {
                LOG.info(() -> "Update of " + o.id() + " refused: " + e.messageKey());
            }
            return;
        }
        ctx.neighbours().updated(actor, o);
    }
}
