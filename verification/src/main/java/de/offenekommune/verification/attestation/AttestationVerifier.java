package de.offenekommune.verification.attestation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.verification.jcs.StrictJson;
import de.offenekommune.verification.key.ControllerDocuments;
import de.offenekommune.verification.proof.ActorProof;
import de.offenekommune.verification.proof.ActorProofVerifier;
import de.offenekommune.verification.proof.EddsaJcs2022;
import de.offenekommune.verification.trust.TrustList;
import de.offenekommune.verification.trust.TrustedIssuer;

/**
 * Decides whether an attestation attached to an actor earns a badge on this node. In order: format, subject
 * (for a {@code municipality_node} attestation also its host: {@code domain} must be the subject's host), trusted issuer (before anything is fetched, so untrusted issuers cost nothing), issuer key and proof, validity
 * period, revocation. Never throws: every failure, including failures of the node's fetchers, is an
 * {@link AttestationVerification.Invalid} with a reason and a message.
 */
public final class AttestationVerifier {
    private static final System.Logger LOGGER = System.getLogger(AttestationVerifier.class.getName());
    /** Attestations are small; anything bigger is not ours and is not canonicalised. */
    public static final int MAX_BYTES = 64 * 1024;
    /** Tolerance for an issuer whose clock runs ahead of ours when it sets validFrom to "now". */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final TrustList trust;
    private final ActorProofVerifier proofs;
    private final RevocationChecker revocations;
    private final Clock clock;

    /** Attestation proofs are {@code eddsa-jcs-2022} only: no JSON-LD processing on this path. */
    public AttestationVerifier(TrustList trust, ControllerDocuments keys, RevocationSource revocations, Clock clock) {
        this.trust = trust;
        this.proofs = new ActorProofVerifier(keys, List.of(new EddsaJcs2022()), clock);
        this.revocations = new RevocationChecker(revocations, proofs);
        this.clock = clock;
    }

    public AttestationVerification verify(String json, URI expectedSubject) {
        if (json == null || json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return invalid(InvalidReason.MALFORMED, "attestation missing or larger than " + MAX_BYTES + " bytes");
        }
        try {
            return verify(StrictJson.parse(json), expectedSubject);
        } catch (IllegalArgumentException e) {
            return invalid(InvalidReason.MALFORMED, e.getMessage());
        }
    }

    /** @param expectedSubject the actor the attestation was found on */
    public AttestationVerification verify(JsonNode json, URI expectedSubject) {
        try {
            return check(json, expectedSubject);
        } catch (RuntimeException e) {
            // A bug or a hostile document we did not foresee must still not take the caller down.
            LOGGER.log(System.Logger.Level.WARNING, "attestation check failed unexpectedly", e);
            return invalid(InvalidReason.MALFORMED, "attestation could not be checked: " + e);
        }
    }

    private AttestationVerification check(JsonNode json, URI expectedSubject) {
        Attestation attestation;
        try {
            attestation = AttestationJson.fromJson(json);
        } catch (IllegalArgumentException e) {
            return invalid(InvalidReason.MALFORMED, e.getMessage());
        }
        if (!attestation.subject().equals(expectedSubject)) {
            return invalid(InvalidReason.SUBJECT_MISMATCH, "attestation is about " + attestation.subject()
                    + ", but was presented by " + expectedSubject);
        }
        if (attestation.category().isNode() && !attestation.domain().equals(hostOf(attestation.subject()))) {
            // "This actor at this host": a node attestation names the host it vouches for; an actor elsewhere
            // (another server of the same name, a copy with a changed id) is not the attested node.
            return invalid(InvalidReason.SUBJECT_MISMATCH, "attestation vouches for the host " + attestation.domain()
                    + ", but the actor " + attestation.subject() + " is on another host");
        }
        Optional<TrustedIssuer> issuer = trust.find(attestation.issuer());
        if (issuer.isEmpty()) {
            return invalid(InvalidReason.UNTRUSTED_ISSUER, attestation.issuer() + " is not a trusted issuer here");
        }
        if (attestation.category().isNode() && !issuer.get().mayAttestNodes()) {
            return invalid(InvalidReason.UNTRUSTED_ISSUER,
                    attestation.issuer() + " may not attest municipality nodes (only a region or an anchor may)");
        }
        if (proofs.verify(json, attestation.issuer()) instanceof ActorProof.Failed failed) {
            return invalid(ProofFailures.toReason(failed.reason()), failed.message());
        }
        Optional<AttestationVerification.Invalid> outOfPeriod = checkPeriod(attestation);
        if (outOfPeriod.isPresent()) {
            return outOfPeriod.get();
        }
        Optional<AttestationVerification.Invalid> revoked = revocations.check(attestation);
        if (revoked.isPresent()) {
            return revoked.get();
        }
        return new AttestationVerification.Valid(attestation, issuer.get());
    }

    private Optional<AttestationVerification.Invalid> checkPeriod(Attestation attestation) {
        Instant now = clock.instant();
        if (now.plus(CLOCK_SKEW).isBefore(attestation.validFrom())) {
            return Optional.of(invalid(InvalidReason.NOT_YET_VALID, "valid only from " + attestation.validFrom()));
        }
        if (!now.isBefore(attestation.validUntil())) {
            return Optional.of(invalid(InvalidReason.EXPIRED, "expired at " + attestation.validUntil()));
        }
        return Optional.empty();
    }

    private static String hostOf(URI actor) {
        return actor.getHost() == null ? "" : actor.getHost().toLowerCase(java.util.Locale.ROOT);
    }

    private static AttestationVerification.Invalid invalid(InvalidReason reason, String message) {
        return new AttestationVerification.Invalid(reason, message);
    }
}
