package de.offenekommune.federation.sig;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import de.offenekommune.federation.key.Ed25519;

/** A public key (or, for HMAC test vectors only, a shared secret) that can check a signature. */
public sealed interface KeyMaterial {

    record Rsa(RSAPublicKey key) implements KeyMaterial {
    }

    record Ed(Ed25519.PublicKey key) implements KeyMaterial {
    }

    record Ec(ECPublicKey key) implements KeyMaterial {
    }

    /** Never accepted from the network: no remote actor shares a secret with us. */
    record Secret(byte[] secret) implements KeyMaterial {
    }
}
