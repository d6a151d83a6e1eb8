package de.offenekommune.federation.inbox;

/** The answer the inbox gives a sender. */
public sealed interface InboxResult {
    int status();

    String message();

    /** Stored; handlers run after the answer. */
    record Accepted(String activityId) implements InboxResult {
        public int status() {
            return 202;
        }

        public String message() {
            return "accepted";
        }
    }

    /** Acknowledged without effect: an unsupported type, or an activity id already received. */
    record Ignored(String message) implements InboxResult {
        public int status() {
            return 202;
        }
    }

    /** Refused: 400 malformed, 401 signature, 403 blocked or origin violation, 413 too large. */
    record Rejected(int status, String message) implements InboxResult {
    }
}
