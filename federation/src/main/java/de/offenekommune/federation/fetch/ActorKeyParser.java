package de.offenekommune.federation.fetch;

import java.util.Optional;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.federation.key.Pem;
import de.offenekommune.federation.key.Rsa;
import de.offenekommune.federation.sig.KeyMaterial;
import de.offenekommune.federation.vocab.ActorKey;

/** Turns a published key (PEM or Multikey) into key material; unparseable keys are skipped, not fatal. */
final class ActorKeyParser {
    private ActorKeyParser() {
    }

    static Optional<KeyMaterial> parse(ActorKey key) {
        try {
            return Optional.of(switch (key.kind()) {
                case MULTIBASE -> new KeyMaterial.Ed(Ed25519.fromMultibase(key.encoded()));
                case PEM -> pem(key.encoded());
            });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static KeyMaterial pem(String pem) {
        try {
            return new KeyMaterial.Rsa(Rsa.parsePublic(pem));
        } catch (IllegalArgumentException notRsa) {
            // A few servers publish Ed25519 keys as SPKI PEM in publicKeyPem.
            if ("PUBLIC KEY".equals(Pem.type(pem))) {
                return new KeyMaterial.Ed(Ed25519.fromPem(pem));
            }
            throw notRsa;
        }
    }
}
