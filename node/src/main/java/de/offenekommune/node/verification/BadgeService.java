package de.offenekommune.node.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import de.offenekommune.node.db.Sql;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.organisation.OrganisationService;
import de.offenekommune.verification.trust.TrustRole;

/**
 * Explains a badge: for an organisation of this node from its attestation here, for a remote one (an
 * organisation, or a town attested as a municipality's node) from the last check of its attestations,
 * for this node's own town actor from the node attestation it holds. Never fetches anything (a visitor's request must not make the
 * node fetch arbitrary URLs); remote organisations are checked when their content arrives and then
 * periodically.
 */
public final class BadgeService {
    private final Sql sql;
    private final String base;
    private final OrganisationService organisations;
    private final AttestationRepository attestations;
    private final RemoteStatusRepository remote;
    private final HeldAttestationRepository held;
    private final Issuer issuer;
    private final Clock clock;

    public BadgeService(Sql sql, String baseUrl, OrganisationService organisations, AttestationRepository attestations,
                        RemoteStatusRepository remote, HeldAttestationRepository held, Issuer issuer, Clock clock) {
        this.sql = sql;
        this.base = baseUrl;
        this.organisations = organisations;
        this.attestations = attestations;
        this.remote = remote;
        this.held = held;
        this.issuer = issuer;
        this.clock = clock;
    }

    public Explanation explain(String actor) {
        Instant now = clock.instant();
        if (actor.equals(issuer.actor().toString())) {
            return ownTown(actor, now);
        }
        Optional<Organisation> local = localOrganisation(actor);
        if (local.isPresent()) {
            Organisation org = local.get();
            return attestations.live(sql, org.id(), now).stream().findFirst()
                    .<Explanation>map(a -> new Explanation.Verified(actor, org.name(), true, a.legalName(),
                            a.category().attestation().json(), a.domain(), issuer.actor().toString(),
                            TrustRole.SELF.name(), null, a.validUntil(), a.validFrom()))
                    .orElseGet(() -> new Explanation.NotVerified(actor, org.name(),
                            Explanation.NotVerified.LOCAL_NOT_VERIFIED, null, null, null));
        }
        Optional<RemoteStatus> status = remote.byActor(sql, actor);
        if (status.isEmpty()) {
            return new Explanation.Unknown(actor);
        }
        RemoteStatus s = status.get();
        if (s.badge(now)) {
            return new Explanation.Verified(actor, s.legalName(), false, s.legalName(), s.category(), s.domain(),
                    s.issuer(), s.trustRole(), s.town() ? s.ags() : null, s.validUntil(), s.checkedAt());
        }
        String reason = s.verified() ? "EXPIRED" : s.reason();
        return new Explanation.NotVerified(actor, s.legalName(), reason, s.detail(), s.issuer(), s.checkedAt());
    }

    /** This node's town actor: the node attestation its region (or an anchor) sent, checked when it arrived. */
    private Explanation ownTown(String actor, Instant now) {
        return held.live(sql, now).stream().findFirst()
                .<Explanation>map(h -> new Explanation.Verified(actor, h.legalName(), false, h.legalName(),
                        RemoteStatus.MUNICIPALITY_NODE, h.domain(), h.issuer(), h.trustRole(), h.ags(),
                        h.validUntil(), h.receivedAt()))
                .orElseGet(() -> new Explanation.NotVerified(actor, null, RemoteStatus.NO_ATTESTATION, null, null,
                        null));
    }

    private Optional<Organisation> localOrganisation(String actor) {
        String prefix = base + Organisation.path("");
        if (!actor.startsWith(prefix)) {
            return Optional.empty();
        }
        String handle = actor.substring(prefix.length());
        return handle.matches("[a-z0-9-]{1,60}") ? organisations.byHandle(handle) : Optional.empty();
    }
}
