package de.offenekommune.node.activitypub.inbox;

import java.util.Optional;
import java.util.logging.Logger;

import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxCheck;
import de.offenekommune.federation.inbox.InboxHandler;
import de.offenekommune.federation.inbox.Signer;
import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.JsonValues;
import de.offenekommune.node.activitypub.LocalRef;
import de.offenekommune.node.comment.CommentRepository;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.web.HttpError;

/**
 * A report (Flag, as Mastodon sends: the objects reported and a comment) puts our proposals and
 * comments among its objects in the moderation queue, once per reporter and item.
 */
public final class FlagHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(FlagHandler.class.getName());
    private static final int MAX_OBJECTS = 50;

    private final InboxContext ctx;

    public FlagHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public InboxCheck check(Activity activity, Signer signer, String inboxOwner) {
        if (JsonValues.ids(activity.json().get("object")).size() > MAX_OBJECTS) {
            return InboxCheck.refuse(413, "a Flag may name at most " + MAX_OBJECTS + " objects");
        }
        return Limits.textSizes(activity.json());
    }

    @Override
    public void handle(InboxActivity in) {
        Activity flag = in.activity();
        String reason = JsonValues.text(flag.json(), "content");
        int n = 0;
        for (String objectId : JsonValues.ids(flag.json().get("object"))) {
            Optional<LocalRef> ref = ctx.uris().parse(objectId);
            String kind = null;
            long id = 0;
            if (ref.isPresent() && ref.get() instanceof LocalRef.Proposal p) {
                kind = ProposalRepository.KIND;
                id = p.id();
            } else if (ref.isPresent() && ref.get() instanceof LocalRef.Comment c) {
                kind = CommentRepository.KIND;
                id = c.id();
            }
            if (kind != null) {
                flag(kind, id, flag.actor(), flag.id() + "#" + n++, reason);
            }
        }
    }

    private void flag(String kind, long id, String reporter, String flagId, String reason) {
        try {
            boolean added = ctx.participation().moderation().flagRemote(kind, id, reporter, flagId, reason);
            LOG.info(() -> "Report of " + kind + " " + id + " by " + reporter + (added ? " queued" : " known"));
        } catch (HttpError e) {
            LOG.fine(() -> "Report of unknown " + kind + " " + id + " ignored");
        }
    }
}
