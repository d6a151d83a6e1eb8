package de.offenekommune.federation.sig;

import java.util.Optional;

/**
 * Remembers per remote host how to sign for it. Outgoing requests try RFC 9421 with the RSA key
 * first (every Mastodon since 4.5 verifies it); a host that answers 401/403 gets draft-cavage, and
 * keeps getting it. A host that advertises RFC 9421 Ed25519 (FEP-844e {@code implements}) gets
 * Ed25519 signatures until it refuses one; after that it gets RSA again.
 */
public interface SignatureSchemeMemory {
    /** What to sign with for this host, as far as known ({@link SignatureScheme#RFC9421_ED25519} included). */
    Optional<SignatureScheme> known(String host);

    /** The scheme worked (a signed request was not refused). */
    void remember(String host, SignatureScheme scheme);

    /** The host says it verifies the scheme; only {@link SignatureScheme#RFC9421_ED25519} changes anything. */
    default void advertised(String host, SignatureScheme scheme) {
    }

    /** The host answered 401/403 to a request signed in the scheme. */
    default void refused(String host, SignatureScheme scheme) {
    }

    /** The scheme to try first for a host. */
    default SignatureScheme firstChoice(String host) {
        return known(host).orElse(SignatureScheme.RFC9421);
    }
}
