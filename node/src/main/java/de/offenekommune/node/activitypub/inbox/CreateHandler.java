package de.offenekommune.node.activitypub.inbox;

import java.util.logging.Logger;

import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxCheck;
import de.offenekommune.federation.inbox.InboxHandler;
import de.offenekommune.federation.inbox.Signer;
import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.AsDocument;
import de.offenekommune.federation.vocab.AsObject;

/**
 * Create: a Note is a poll vote (a {@code name} and no content, in reply to one of our Questions) or
 * a reply to one of our objects (a comment, from anyone not blocked: we do not require a follow);
 * a Page from a town we follow is a neighbour's project. Everything else is acknowledged and dropped.
 */
public final class CreateHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(CreateHandler.class.getName());

    private final InboxContext ctx;
    private final CreateNoteHandler notes;
    private final PollVoteHandler votes;

    public CreateHandler(InboxContext ctx) {
        this.ctx = ctx;
        this.notes = new CreateNoteHandler(ctx);
        this.votes = new PollVoteHandler(ctx);
    }

    @Override
    public InboxCheck check(Activity activity, Signer signer, String inboxOwner) {
        InboxCheck embedded = Limits.embeddedObject(activity);
        if (embedded instanceof InboxCheck.Refuse) {
            return embedded;
        }
        AsDocument object = activity.embeddedObject().orElseThrow();
        if ("Note".equals(object.type()) && object instanceof AsObject note && PollVoteHandler.isVote(note)) {
            return votes.check(note);
        }
        return InboxCheck.ACCEPT;
    }

    @Override
    public void handle(InboxActivity in) {
        String actor = in.activity().actor();
        if (ctx.blockedBy().blockedAny(ctx.sql(), actor)) {
            LOG.fine(() -> "Create from " + actor + " ignored: it blocked us");
            return;
        }
        AsDocument object = in.activity().embeddedObject().orElseThrow();
        if (object instanceof AsObject o && "Note".equals(o.type())) {
            if (PollVoteHandler.isVote(o)) {
                votes.vote(actor, o);
            } else {
                notes.reply(actor, o);
            }
            return;
        }
        if (object instanceof AsObject o && ctx.neighbours().isNeighbour(actor)) {
            ctx.neighbours().received(actor, o);
            if (!o.attributedTo().isEmpty()) {
                VerifiedAuthors.seen(ctx, o.attributedTo().getFirst());
            }
        }
    }
}
