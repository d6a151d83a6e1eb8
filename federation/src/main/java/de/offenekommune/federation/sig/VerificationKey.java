package de.offenekommune.federation.sig;

import java.time.Instant;

/**
 * A remote public key as published on its owner's actor document, already parsed (parsing PEM or
 * multibase per request would cost more than the signature check itself).
 *
 * @param keyId          the key's id, e.g. {@code https://mastodon.example/users/alice#main-key}
 * @param ownerId        the actor that lists this key (checked when the key was fetched)
 * @param material       the parsed key
 * @param boundAlgorithm the algorithm the key is bound to, or null when its type decides (RFC 9421 3.2)
 * @param fetchedAt      when the owner's document was fetched; drives the one-time refetch on failure
 */
public record VerificationKey(String keyId, String ownerId, KeyMaterial material, SignatureAlgorithm boundAlgorithm,
                              Instant fetchedAt) {

    public VerificationKey(String keyId, String ownerId, KeyMaterial material, Instant fetchedAt) {
        this(keyId, ownerId, material, null, fetchedAt);
    }
}
