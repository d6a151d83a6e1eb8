package de.offenekommune.verification.attestation;

import java.time.Clock;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.verification.key.SigningKey;
import de.offenekommune.verification.proof.EddsaJcs2022;

/**
 * Signs attestations and the revocation list as the node's town (or region) actor, with {@code eddsa-jcs-2022} and
 * the actor's assertion-method key.
 */
public final class AttestationIssuer {
    private final EddsaJcs2022 suite = new EddsaJcs2022();
    private final SigningKey key;
    private final Clock clock;

    /** @param key the issuer actor's Ed25519 key; its controller is the issuer */
    public AttestationIssuer(SigningKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException if the attestation names another issuer than this key's actor */
    public ObjectNode issue(Attestation attestation) {
        requireIssuer(attestation.issuer());
        return suite.sign(AttestationJson.toJson(attestation), key, clock.instant());
    }

    /** The signed revocation list document to serve at {@code list.id()}. */
    public ObjectNode publish(RevocationList list) {
        requireIssuer(list.issuer());
        return suite.sign(RevocationListJson.toJson(list), key, clock.instant());
    }

    private void requireIssuer(java.net.URI issuer) {
        if (!issuer.equals(key.controller())) {
            throw new IllegalArgumentException("this issuer signs as " + key.controller() + ", not as " + issuer);
        }
    }
}
