package de.offenekommune.node.activitypub.inbox;

import de.offenekommune.federation.inbox.InboxHandlers;

/** The handler table: one per activity type (Smithereen style); types not listed are acknowledged and dropped. */
public final class InboxWiring {
    private InboxWiring() {
    }

    public static void register(InboxHandlers handlers, InboxContext ctx) {
        handlers.on("Follow", new FollowHandler(ctx))
                .on("Undo", new UndoHandler(ctx))
                .on("Create", new CreateHandler(ctx))
                .on("Update", new UpdateHandler(ctx))
                .on("Delete", new DeleteHandler(ctx))
                .on("Like", new LikeHandler(ctx))
                .on("Flag", new FlagHandler(ctx))
                .on("Block", new BlockHandler(ctx))
                .on("Announce", new AnnounceHandler(ctx))
                .on("Add", new AddHandler(ctx))
                .on("Remove", new RemoveHandler(ctx))
                .on("Accept", new AcceptHandler(ctx, true))
                .on("Reject", new AcceptHandler(ctx, false));
    }
}
