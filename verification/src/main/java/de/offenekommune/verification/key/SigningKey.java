package de.offenekommune.verification.key;

import java.net.URI;
import java.util.Objects;

import de.offenekommune.federation.key.Ed25519;

/**
 * An actor's Ed25519 private key together with the public verification method it signs as. The public half is
 * derived once at construction.
 */
public record SigningKey(VerificationMethod method, Ed25519.PrivateKey privateKey) {
    public SigningKey {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(privateKey, "privateKey");
        if (!method.publicKey().equals(privateKey.publicKey())) {
            throw new IllegalArgumentException("private key does not match the verification method's public key");
        }
    }

    /** @param keyId the Multikey id, by convention the actor id with a fragment such as {@code #ed25519-key} */
    public static SigningKey of(URI controller, URI keyId, Ed25519.PrivateKey privateKey) {
        return new SigningKey(new VerificationMethod(keyId, controller, privateKey.publicKey()), privateKey);
    }

    public URI controller() {
        return method.controller();
    }

    public URI keyId() {
        return method.id();
    }

    public byte[] sign(byte[] data) {
        return privateKey.sign(data);
    }

    /** Never prints key material, so a logged record leaks nothing. */
    @Override
    public String toString() {
        return "SigningKey[" + method.id() + "]";
    }
}
