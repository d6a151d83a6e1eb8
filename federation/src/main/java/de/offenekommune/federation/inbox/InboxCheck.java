package de.offenekommune.federation.inbox;

/** A handler's verdict on an activity before it is stored (see {@link InboxHandler#check}). */
public sealed interface InboxCheck {
    InboxCheck ACCEPT = new Accept();

    static InboxCheck refuse(int status, String message) {
        return new Refuse(status, message);
    }

    record Accept() implements InboxCheck {
    }

    /** @param status a 4xx status: 400 malformed, 403 not allowed, 413 too large, 422 not processable */
    record Refuse(int status, String message) implements InboxCheck {
        public Refuse {
            if (status < 400 || status > 499) {
                throw new IllegalArgumentException("a refusal is a 4xx status, not " + status);
            }
        }
    }
}
