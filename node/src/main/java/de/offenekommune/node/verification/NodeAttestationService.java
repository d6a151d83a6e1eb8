package de.offenekommune.node.verification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.db.Sql;
import de.offenekommune.verification.attestation.Attestation;
import de.offenekommune.verification.attestation.AttestationCategory;

/**
 * The region as issuer of node attestations: its town actor signs, for a member, "this actor at this
 * host is the official node of the municipality AGS N" with the same key, and under the same
 * revocation list, as the attestations of organisations. The caller (the region's member list)
 * decides when; every method works in the caller's transaction.
 */
public final class NodeAttestationService {
    private static final Logger LOG = Logger.getLogger(NodeAttestationService.class.getName());

    private final Issuer issuer;
    private final NodeAttestationRepository repository;
    private final AttestationRepository attestations;
    private final Duration validity;
    private final Clock clock;

    public NodeAttestationService(Issuer issuer, NodeAttestationRepository repository,
                                  AttestationRepository attestations, Duration validity, Clock clock) {
        this.issuer = issuer;
        this.repository = repository;
        this.attestations = attestations;
        this.validity = validity;
        this.clock = clock;
    }

    /**
     * Signs and stores a new attestation of {@code subject}, valid from now for
     * {@code verification.attestation-validity}.
     *
     * @param legalName the municipality's official name
     * @throws IllegalArgumentException a host that is no domain name (e.g. {@code localhost}) or a malformed name
     */
    public NodeAttestation issue(Sql tx, String ags, String legalName, URI subject) {
        Instant now = clock.instant();
        UUID uuid = UUID.randomUUID();
        String host = subject.getHost() == null ? "" : subject.getHost().toLowerCase(Locale.ROOT);
        Attestation a = new Attestation(issuer.attestationId(uuid), issuer.actor(), subject,
                AttestationCategory.MUNICIPALITY_NODE, legalName, host, Optional.of(ags), now, now.plus(validity),
                issuer.revocationListId());
        NodeAttestation row = new NodeAttestation(uuid, ags, subject.toString(), legalName, host,
                ActivityJson.writeString(issuer.issue(a)), a.validFrom(), a.validUntil(), null);
        repository.insert(tx, row);
        LOG.info(() -> "Node attestation " + a.id() + " issued: " + subject + " is the node of AGS " + ags);
        return row;
    }

    /** Puts it on the revocation list (re-signed in this transaction); false if it was revoked already. */
    public boolean revoke(Sql tx, UUID uuid, String reason) {
        if (!attestations.revoke(tx, uuid, reason, clock.instant())) {
            return false;
        }
        issuer.republish(tx);
        LOG.info(() -> "Node attestation " + issuer.attestationId(uuid) + " revoked: " + reason);
        return true;
    }

    public Optional<NodeAttestation> byUuid(Sql sql, UUID uuid) {
        return repository.byUuid(sql, uuid);
    }

    /** The attestation's id: where it is served, and what the revocation list names. */
    public URI id(UUID uuid) {
        return issuer.attestationId(uuid);
    }

    /** Whether an attestation should be replaced because it runs out soon (a twelfth of its validity, at least a day). */
    public boolean expiresSoon(NodeAttestation a) {
        Duration margin = validity.dividedBy(12).compareTo(Duration.ofDays(1)) < 0 ? Duration.ofDays(1)
                : validity.dividedBy(12);
        return !clock.instant().plus(margin).isBefore(a.validUntil());
    }
}
