package de.offenekommune.node.activitypub.inbox;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import de.offenekommune.federation.delivery.Follower;
import de.offenekommune.federation.inbox.InboxActivity;
import de.offenekommune.federation.inbox.InboxCheck;
import de.offenekommune.federation.inbox.InboxHandler;
import de.offenekommune.federation.inbox.Signer;
import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.node.activitypub.actor.LocalActor;
import de.offenekommune.node.activitypub.publish.Activities;

/**
 * Follow of the town, a project group or a citizen. Our actors publish only public content, so
 * none is locked: the follower is accepted at once with an Accept that has its own id. (A locked
 * actor would keep the follower pending, without an Accept, until approved.)
 */
public final class FollowHandler implements InboxHandler {
    private static final Logger LOG = Logger.getLogger(FollowHandler.class.getName());

    private final InboxContext ctx;

    public FollowHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public InboxCheck check(Activity activity, Signer signer, String inboxOwner) {
        if (activity.object() == null || activity.object().id() == null) {
            return InboxCheck.refuse(400, "Follow needs an object");
        }
        if (ctx.uris().parse(activity.object().id()).isEmpty()) {
            return InboxCheck.refuse(404, "no such actor here: " + activity.object().id());
        }
        return InboxCheck.ACCEPT;
    }

    @Override
    public void handle(InboxActivity in) {
        Activity follow = in.activity();
        Optional<LocalActor> target = ctx.actors().byId(follow.object().id())
                .filter(a -> a.kind().followable() && !a.deleted());
        if (target.isEmpty()) {
            LOG.fine(() -> "Follow of " + follow.object().id() + " ignored: not a followable actor");
            return;
        }
        if (ctx.blockedBy().blocked(ctx.sql(), follow.actor(), target.get().id())) {
            LOG.fine(() -> "Follow by " + follow.actor() + " ignored: it blocked " + target.get().id());
            return;
        }
        Actor follower = ctx.remoteActors().actor(follow.actor())
                .orElseThrow(() -> new IllegalStateException("follower " + follow.actor() + " not reachable yet"));
        if (follower.inbox() == null) {
            LOG.info(() -> "Follow by " + follow.actor() + " ignored: it has no inbox");
            return;
        }
        LocalActor local = target.get();
        ctx.followers().add(new Follower(local.id(), follower.id(), follower.inbox(), follower.sharedInbox(),
                !local.locked()), follow.id(), ctx.clock().instant());
        if (!local.locked()) {
            Activities.Activity accept = ctx.activities().accept(local.id(), follow.json());
            ctx.sql().runInTransaction(tx -> ctx.publications().direct(tx, local.id(), accept.uuid(), accept.json(),
                    List.of(follower.inbox()), List.of()));
        }
        LOG.info(() -> follow.actor() + " follows " + local.id());
    }
}
