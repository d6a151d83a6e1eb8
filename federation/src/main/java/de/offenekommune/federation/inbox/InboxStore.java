package de.offenekommune.federation.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Accepted activities, persisted before the 202 and handed to the dispatcher afterwards. */
public interface InboxStore {

    /** An activity ready to be stored, with the objects it claims to create. */
    record Incoming(String activityId, String type, String actor, String signerKey, String inboxOwner, String body,
                    List<String> createdObjectIds, Instant receivedAt) {
    }

    sealed interface Outcome {
        record Stored(long id) implements Outcome {
        }

        /** The activity id was received before: the second copy has no effect. */
        record Duplicate() implements Outcome {
        }

        /** A created object's id already belongs to someone else. */
        record Takeover(String objectId, String owner) implements Outcome {
        }
    }

    record Stored(long id, String body, String signerKey, String actor, String inboxOwner, Instant receivedAt,
                  int attempts) {
    }

    /** Deduplicates, checks and records object ownership, and stores: all or nothing. */
    Outcome store(Incoming incoming);

    List<Stored> claim(int limit, Instant now, Duration lease);

    void processed(long id, Instant now);

    void retryAt(long id, String error, Instant next);

    void failed(long id, String error, Instant now);
}
