package de.offenekommune.verification.attestation;

import com.fasterxml.jackson.databind.JsonNode;

/** The answer of a {@link RevocationSource}. */
public sealed interface RevocationLookup {

    /** The signed list document as fetched (or cached). */
    record Found(JsonNode document) implements RevocationLookup {
    }

    /** No list could be had; verification fails closed rather than show a badge that may be revoked. */
    record Unavailable(String reason) implements RevocationLookup {
    }
}
