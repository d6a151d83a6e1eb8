package de.offenekommune.federation.inbox;

import java.util.Optional;
import java.util.Set;

import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.AsDocument;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.federation.vocab.JsonValues;
import de.offenekommune.federation.vocab.Reference;

/**
 * An activity speaks only for its signer's host (CVE-2024-23832 class): its id must be there, and
 * a Create/Update/Delete may only carry objects whose id and author are there too. Other activities
 * may embed foreign objects (an Announce of someone else's post); those are reduced to their id,
 * so nobody trusts a copy the signer could have forged.
 */
final class OriginCheck {
    private static final Set<String> AUTHORING = Set.of("Create", "Update", "Delete");

    private OriginCheck() {
    }

    /** The activity to hand on (possibly with its object reduced to an id), or the reason it is refused. */
    sealed interface Result {
        record Passed(Activity activity) implements Result {
        }

        record Violation(String message) implements Result {
        }
    }

    static Result check(Activity activity, String signerActorId) {
        Origin signer = Origin.of(signerActorId);
        if (!sameHost(activity.id(), signer)) {
            return new Result.Violation("activity id " + activity.id() + " is not on the signer's host " + signer.host());
        }
        if (!AUTHORING.contains(activity.type())) {
            return new Result.Passed(foreignEmbeddedByReference(activity, signer));
        }
        Reference object = activity.object();
        if (object == null || object.id() == null) {
            return new Result.Violation(activity.type() + " without an object id");
        }
        if (!sameHost(object.id(), signer)) {
            return new Result.Violation("object " + object.id() + " is not on the signer's host " + signer.host());
        }
        if (object instanceof Reference.Embedded embedded) {
            Optional<String> author = foreignAuthor(embedded.document(), signer, signerActorId);
            if (author.isPresent()) {
                return new Result.Violation("object is attributed to " + author.get() + ", not to the signer");
            }
        }
        return new Result.Passed(activity);
    }

    /**
     * The first author that is not the signer. Actors (Update of a profile) are their own author;
     * a Tombstone carries none.
     */
    private static Optional<String> foreignAuthor(AsDocument document, Origin signer, String signerActorId) {
        if (document instanceof de.offenekommune.federation.vocab.Actor actor) {
            return actor.id().equals(signerActorId) ? Optional.empty() : Optional.of(actor.id());
        }
        var authors = document instanceof AsObject o ? o.attributedTo()
                : JsonValues.ids(document.json().get("attributedTo"));
        for (String author : authors) {
            if (!sameHost(author, signer) || !author.equals(signerActorId) && !isGroupAudience(document, author)) {
                return Optional.of(author);
            }
        }
        return Optional.empty();
    }

    /** Lemmy-style: a Group may be listed as a co-author of a post in it. */
    private static boolean isGroupAudience(AsDocument document, String author) {
        return JsonValues.ids(document.json().get("audience")).contains(author);
    }

    private static Activity foreignEmbeddedByReference(Activity activity, Origin signer) {
        if (activity.object() instanceof Reference.Embedded embedded && !sameHost(embedded.id(), signer)) {
            return activity.withObjectByReference();
        }
        return activity;
    }

    private static boolean sameHost(String url, Origin signer) {
        if (url == null) {
            return false;
        }
        try {
            return Origin.of(url).sameHost(signer);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
