package de.offenekommune.federation.sig;

/**
 * The HTTP signatures of the fediverse. A received signature is {@link #CAVAGE} or {@link #RFC9421}
 * (whatever its key); for outgoing requests the scheme also says which of our keys signs.
 */
public enum SignatureScheme {
    /** draft-cavage-http-signatures-12 with the RSA key, what Mastodon sends first. */
    CAVAGE,
    /** RFC 9421 HTTP Message Signatures; outgoing: with the RSA key ({@code rsa-v1_5-sha256}). */
    RFC9421,
    /**
     * Outgoing only: RFC 9421 with the Ed25519 key ({@code alg="ed25519"}, keyid = the actor's
     * Multikey), for hosts known to verify it.
     */
    RFC9421_ED25519;

    /** The generation a host was found to accept: Ed25519 or RSA, both are RFC 9421. */
    public SignatureScheme generation() {
        return this == CAVAGE ? CAVAGE : RFC9421;
    }
}
