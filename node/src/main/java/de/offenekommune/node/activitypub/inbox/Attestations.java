package de.offenekommune.node.activitypub.inbox;

import de.offenekommune.federation.inbox.InboxCheck;
import de.offenekommune.federation.vocab.Activity;

/** What Add and Remove of a node attestation share: their shape, and whether they are for our town actor. */
final class Attestations {
    private static final int MAX_ID = 2_000;

    private Attestations() {
    }

    /** An object and a target are required; a long object id is refused before anything is stored. */
    static InboxCheck check(Activity activity) {
        if (activity.object() == null || activity.object().id() == null) {
            return InboxCheck.refuse(400, activity.type() + " needs an object with an id");
        }
        if (activity.object().id().length() > MAX_ID) {
            return InboxCheck.refuse(400, "object id longer than " + MAX_ID + " characters");
        }
        return activity.target() == null || activity.target().id() == null
                ? InboxCheck.refuse(400, activity.type() + " needs a target") : InboxCheck.ACCEPT;
    }

    static boolean forTown(InboxContext ctx, Activity activity) {
        return ctx.uris().town().equals(activity.target().id());
    }
}
