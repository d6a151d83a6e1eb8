package de.offenekommune.node.activitypub.publish;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An activity to send, with its audience: the followers of local actors (one delivery per shared
 * inbox, resolved by the federation library), explicit inboxes and remote actors.
 *
 * @param isPublic     listed in the actor's outbox and served at its id
 * @param coalesceKey  replaces a pending activity with the same key (null: never)
 * @param notBefore    not sent before (a news post scheduled for later)
 */
public record Outgoing(String actor, ObjectNode activity, boolean isPublic, List<String> followersOf,
                       List<String> inboxes, List<String> actors, String coalesceKey, Instant notBefore) {

    public String id() {
        return activity.path("id").asText();
    }

    public String type() {
        return activity.path("type").asText();
    }
}
