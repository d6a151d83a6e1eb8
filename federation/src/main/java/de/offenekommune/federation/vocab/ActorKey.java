package de.offenekommune.federation.vocab;

/**
 * A public key published on an actor: {@code publicKey} (RSA PEM, for draft-cavage) or an
 * {@code assertionMethod} Multikey (FEP-521a, Ed25519).
 *
 * @param owner the key's {@code owner} / {@code controller} as the document states it
 */
public record ActorKey(String id, String owner, Kind kind, String encoded) {
    public enum Kind {
        PEM,
        MULTIBASE
    }
}
