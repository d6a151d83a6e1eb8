package de.offenekommune.federation.sig;

/** Finds the public key behind a keyId: from a cache, the database or by fetching the owner's actor. */
@FunctionalInterface
public interface KeyResolver {
    /**
     * @param refresh true to bypass caches and refetch the owner (after a failed verification, once,
     *                in case the actor rotated its key)
     */
    KeyResolution resolve(String keyId, boolean refresh);
}
