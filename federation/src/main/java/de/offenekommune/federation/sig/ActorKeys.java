package de.offenekommune.federation.sig;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.federation.key.Rsa;

/**
 * A local actor's two signing keys: RSA-2048 for draft-cavage (what Mastodon verifies everywhere) and
 * Ed25519 for RFC 9421 and object proofs. The node stores them; this library only uses them.
 *
 * @param ed25519 may be null for actors created before Ed25519 keys existed
 */
public record ActorKeys(String actorId, SigningKey.Rsa rsa, SigningKey.Ed ed25519) {

    /** The conventional key ids: {@code <actor>#main-key} (Mastodon's) and {@code <actor>#ed25519-key}. */
    public static ActorKeys generate(String actorId) {
        KeyPair rsa = Rsa.generate();
        return new ActorKeys(actorId, new SigningKey.Rsa(actorId + "#main-key", (RSAPrivateCrtKey) rsa.getPrivate()),
                new SigningKey.Ed(actorId + "#ed25519-key", Ed25519.generate()));
    }

    /** Restores keys the node stored as PKCS#8 PEM and Ed25519 multibase secret. */
    public static ActorKeys fromStored(String actorId, String rsaPrivatePem, String ed25519SecretMultibase) {
        SigningKey.Ed ed = ed25519SecretMultibase == null ? null : new SigningKey.Ed(actorId + "#ed25519-key",
                Ed25519.privateKey(de.offenekommune.federation.key.Multikey.decodeEd25519SecretKey(ed25519SecretMultibase)));
        return new ActorKeys(actorId, new SigningKey.Rsa(actorId + "#main-key", Rsa.parsePrivate(rsaPrivatePem)), ed);
    }

    public RSAPublicKey rsaPublicKey() {
        return Rsa.publicOf(rsa.key());
    }
}
