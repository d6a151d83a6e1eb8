package de.offenekommune.federation.sig;

import java.security.interfaces.RSAPrivateCrtKey;

import de.offenekommune.federation.key.Ed25519;

/** A private key with the keyId other servers look it up by (e.g. {@code https://town/actor#main-key}). */
public sealed interface SigningKey {
    String keyId();

    record Rsa(String keyId, RSAPrivateCrtKey key) implements SigningKey {
    }

    record Ed(String keyId, Ed25519.PrivateKey key) implements SigningKey {
    }

    /** For the RFC 9421 HMAC vector; never used for federation. */
    record Hmac(String keyId, byte[] secret) implements SigningKey {
    }
}
