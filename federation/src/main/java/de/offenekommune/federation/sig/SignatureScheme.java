package de.offenekommune.federation.sig;

/** The two generations of HTTP signatures in the fediverse. */
public enum SignatureScheme {
    /** draft-cavage-http-signatures-12, what Mastodon sends first. */
    CAVAGE,
    /** RFC 9421 HTTP Message Signatures. */
    RFC9421
}
