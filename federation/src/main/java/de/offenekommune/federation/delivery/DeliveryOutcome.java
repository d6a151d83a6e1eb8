package de.offenekommune.federation.delivery;

/** How one delivery attempt ended. */
public sealed interface DeliveryOutcome {
    record Delivered(int status) implements DeliveryOutcome {
    }

    /** 410: the recipient is gone for good. */
    record Gone() implements DeliveryOutcome {
    }

    /** Worth trying again later: connection failure, timeout, 5xx, 401, 408, 429. */
    record Retry(int status, String error, boolean hostFailure) implements DeliveryOutcome {
    }

    /** Will never work: other 4xx, forbidden address, no key for the sender. */
    record Permanent(int status, String error) implements DeliveryOutcome {
    }
}
