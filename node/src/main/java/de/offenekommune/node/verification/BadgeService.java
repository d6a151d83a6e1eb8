package de.offenekommune.node.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import de.offenekommune.node.db.Sql;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.organisation.OrganisationService;
import de.offenekommune.verification.trust.TrustRole;

/**
 * Explains a badge: for an organisation of this node from its attestation here, for a remote one from
 * the last check of its attestations. Never fetches anything (a visitor's request must not make the
 * node fetch arbitrary URLs); remote organisations are checked when their content arrives and then
 * periodically.
 */
public final class BadgeService {
    private final Sql sql;
    private final String base;
    private final OrganisationService organisations;
    private final AttestationRepository attestations;
    private final RemoteStatusRepository remote;
    private final Issuer issuer;
    private final Clock clock;

    public BadgeService(Sql sql, String baseUrl, OrganisationService organisations, AttestationRepository attestations,
                        RemoteStatusRepository remote, Issuer issuer, Clock clock) {
        this.sql = sql;
        this.base = baseUrl;
        this.organisations = organisations;
        this.attestations = attestations;
        this.remote = remote;
        this.issuer = issuer;
        this.clock = clock;
    }

    public Explanation explain(String actor) {
        Instant now = clock.instant();
        Optional<Organisation> local = localOrganisation(actor);
        if (local.isPresent()) {
            Organisation org = local.get();
            return attestations.live(sql, org.id(), now).stream().findFirst()
                    .<Explanation>map(a -> new Explanation.Verified(actor, org.name(), true, a.legalName(),
                            a.category().attestation().json(), a.domain(), issuer.actor().toString(),
                            TrustRole.SELF.name(), a.validUntil(), a.validFrom()))
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
                    s.issuer(), s.trustRole(), s.validUntil(), s.checkedAt());
        }
        String reason = s.verified() ? "EXPIRED" : s.reason();
        return new Explanation.NotVerified(actor, s.legalName(), reason, s.detail(), s.issuer(), s.checkedAt());
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
