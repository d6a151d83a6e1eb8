package de.offenekommune.federation.sig;

import java.util.Optional;

/**
 * Remembers per remote host which signature generation it accepts. Outgoing requests try RFC 9421
 * first; a host that answers 401/403 to it gets draft-cavage, and keeps getting it.
 */
public interface SignatureSchemeMemory {
    Optional<SignatureScheme> known(String host);

    void remember(String host, SignatureScheme scheme);

    /** The scheme to try first for a host. */
    default SignatureScheme firstChoice(String host) {
        return known(host).orElse(SignatureScheme.RFC9421);
    }
}
