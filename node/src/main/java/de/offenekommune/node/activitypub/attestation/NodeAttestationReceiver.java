package de.offenekommune.node.activitypub.attestation;

import java.net.URI;
import java.time.Clock;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.fetch.RemoteActors;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.verification.HeldAttestation;
import de.offenekommune.node.verification.HeldAttestationRepository;
import de.offenekommune.verification.attestation.Attestation;
import de.offenekommune.verification.attestation.AttestationJson;
import de.offenekommune.verification.attestation.AttestationVerification;
import de.offenekommune.verification.attestation.AttestationVerifier;
import de.offenekommune.verification.trust.TrustRole;

/**
 * A member town receives its region's node attestation ({@code Add}, by id) or loses it
 * ({@code Remove}). It keeps one only if all of this holds: the sender is its issuer, the document as
 * the issuer serves it names this node's town actor, host and AGS, and it verifies here like any
 * other attestation (proof by the issuer's key, issuer trusted to attest nodes: the configured region
 * or an anchor, valid now, not revoked). Then the town actor's document carries it and an
 * {@code Update} tells the followers.
 */
public final class NodeAttestationReceiver {
    private static final Logger LOG = Logger.getLogger(NodeAttestationReceiver.class.getName());

    /** What became of an attestation sent to this node. */
    public sealed interface Outcome {
        record Kept(HeldAttestation attestation) implements Outcome {
        }

        /** Exactly this attestation was held already. */
        record Unchanged(String id) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }
    }

    private final Sql sql;
    private final URI town;
    private final String ags;
    private final FetchedAttestations fetched;
    private final AttestationVerifier verifier;
    private final HeldAttestationRepository held;
    private final RemoteActors actors;
    private final TownAttestationsExtension extension;
    private final TownUpdates updates;
    private final Clock clock;

    NodeAttestationReceiver(Sql sql, URI town, String ags, FetchedAttestations fetched, AttestationVerifier verifier,
                            HeldAttestationRepository held, RemoteActors actors, TownAttestationsExtension extension,
                            TownUpdates updates, Clock clock) {
        this.sql = sql;
        this.town = town;
        this.ags = ags;
        this.fetched = fetched;
        this.verifier = verifier;
        this.held = held;
        this.actors = actors;
        this.extension = extension;
        this.updates = updates;
        this.clock = clock;
    }

    /**
     * @param sender        the signed activity's actor
     * @param attestationId the attestation's id, on the sender's host
     * @throws IllegalStateException the document could not be fetched (the inbox tries again later)
     */
    public Outcome added(String sender, String attestationId) {
        if (!Origin.isHttpUrl(attestationId) || !Origin.sameHost(attestationId, sender)) {
            return refused(sender, attestationId, "the attestation is not on the sender's host");
        }
        JsonNode document = switch (fetched.fetch(attestationId)) {
            case FetchedAttestations.Fetched.Found f -> f.document();
            case FetchedAttestations.Fetched.Missing m ->
                    throw new IllegalStateException("attestation " + attestationId + " not available: " + m.reason());
        };
        Attestation a;
        try {
            a = AttestationJson.fromJson(document);
        } catch (IllegalArgumentException e) {
            return refused(sender, attestationId, "malformed: " + e.getMessage());
        }
        String mismatch = mismatch(sender, a);
        if (mismatch != null) {
            return refused(sender, attestationId, mismatch);
        }
        AttestationVerification result = verifier.verify(document, town);
        if (!(result instanceof AttestationVerification.Valid valid) || valid.issuer().role() == TrustRole.SELF) {
            return refused(sender, attestationId, "it does not verify here: " + result);
        }
        HeldAttestation h = new HeldAttestation(attestationId, sender, issuerName(sender),
                valid.issuer().role().name(), ags, a.legalName(), a.domain(), ActivityJson.writeString(document),
                a.validFrom(), a.validUntil(), clock.instant());
        if (!sql.inTransaction(tx -> held.put(tx, h))) {
            return new Outcome.Unchanged(attestationId);
        }
        changed();
        LOG.info(() -> "Node attestation " + attestationId + " of " + sender + " kept: official node of AGS " + ags);
        return new Outcome.Kept(h);
    }

    /** The issuer withdrew it; true if it was held. */
    public boolean removed(String sender, String attestationId) {
        boolean removed = sql.inTransaction(tx -> held.remove(tx, sender, attestationId));
        if (removed) {
            changed();
            LOG.info(() -> "Node attestation " + attestationId + " withdrawn by " + sender);
        }
        return removed;
    }

    /** Why the attestation is not one of this node by its sender, or null. */
    private String mismatch(String sender, Attestation a) {
        if (!a.category().isNode()) {
            return "not a node attestation (" + a.category().json() + ")";
        }
        if (!a.issuer().toString().equals(sender)) {
            return "issued by " + a.issuer() + ", sent by " + sender;
        }
        if (!a.subject().equals(town)) {
            return "it attests " + a.subject() + ", not this node's town actor";
        }
        if (!a.ags().orElse("").equals(ags)) {
            return "it names the AGS " + a.ags().orElse("-") + ", this node is " + ags;
        }
        return null;
    }

    private String issuerName(String issuer) {
        return actors.actor(issuer).map(Actor::name).filter(n -> !n.isBlank()).orElse(issuer);
    }

    private void changed() {
        extension.forget();
        updates.send();
    }

    private static Outcome refused(String sender, String attestationId, String reason) {
        LOG.info(() -> "Node attestation " + attestationId + " from " + sender + " refused: " + reason);
        return new Outcome.Refused(reason);
    }
}
