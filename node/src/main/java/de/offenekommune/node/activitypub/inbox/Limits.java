package de.offenekommune.node.activitypub.inbox;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.inbox.InboxCheck;
import de.offenekommune.federation.vocab.Activity;
import de.offenekommune.federation.vocab.Reference;

/**
 * Shape and size checks made while the sender waits (see {@code InboxHandler#check}): what would be
 * refused later anyway is refused now with a 4xx, and nothing is stored.
 */
final class Limits {
    /** As the comment service: longer remote HTML is refused. */
    static final int MAX_CONTENT = 50_000;
    static final int MAX_NAME = 1_000;
    static final int MAX_SUMMARY = 10_000;

    private Limits() {
    }

    /** Create and Update carry their object embedded (every server does); a bare IRI is refused. */
    static InboxCheck embeddedObject(Activity activity) {
        if (!(activity.object() instanceof Reference.Embedded embedded)) {
            return InboxCheck.refuse(400, activity.type() + " must embed its object");
        }
        return textSizes(embedded.document().json());
    }

    static InboxCheck textSizes(JsonNode object) {
        InboxCheck check = size(object, "content", MAX_CONTENT);
        if (check instanceof InboxCheck.Refuse) {
            return check;
        }
        check = size(object, "name", MAX_NAME);
        return check instanceof InboxCheck.Refuse ? check : size(object, "summary", MAX_SUMMARY);
    }

    private static InboxCheck size(JsonNode object, String field, int max) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return InboxCheck.ACCEPT;
        }
        if (!value.isTextual()) {
            return InboxCheck.refuse(400, field + " must be a string");
        }
        if (value.asText().length() > max) {
            return InboxCheck.refuse(413, field + " is longer than " + max + " characters");
        }
        return InboxCheck.ACCEPT;
    }
}
