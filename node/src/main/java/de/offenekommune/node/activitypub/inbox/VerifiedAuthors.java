package de.offenekommune.node.activitypub.inbox;

import java.util.logging.Logger;

/**
 * After content of a remote author was kept: have its attestations checked (organisations only, and
 * only when no fresh check exists). A failed check costs the badge, never the content.
 */
final class VerifiedAuthors {
    private static final Logger LOG = Logger.getLogger(VerifiedAuthors.class.getName());

    private VerifiedAuthors() {
    }

    static void seen(InboxContext ctx, String actor) {
        try {
            ctx.organisationFederation().remoteAttestations().seen(actor);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Attestation check of " + actor + " failed: " + e);
        }
    }

    static void changed(InboxContext ctx, String actor) {
        try {
            ctx.organisationFederation().remoteAttestations().changed(actor);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Attestation check of " + actor + " failed: " + e);
        }
    }
}
