package de.offenekommune.node.verification;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.verification.attestation.Attestation;
import de.offenekommune.verification.attestation.Revocation;

/**
 * The admins' side: review requests, approve (the attestation is issued and the organisation's actor
 * updated), reject or revoke with a reason. Each decision, its audit entry and the follow-up (actor
 * Update, re-signed revocation list) happen in one transaction.
 */
public final class ReviewService {
    private static final Logger LOG = Logger.getLogger(ReviewService.class.getName());
    public static final int PAGE = 50;

    private final Sql sql;
    private final RequestRepository requests;
    private final AttestationRepository attestations;
    private final AuditLog audit;
    private final Issuer issuer;
    private final RequestService requestService;
    private final ContentEvents events;
    private final String base;
    private final Duration validity;
    private final Clock clock;

    public ReviewService(Sql sql, RequestRepository requests, AttestationRepository attestations, AuditLog audit,
                         Issuer issuer, RequestService requestService, ContentEvents events, String baseUrl,
                         Duration validity, Clock clock) {
        this.sql = sql;
        this.requests = requests;
        this.attestations = attestations;
        this.audit = audit;
        this.issuer = issuer;
        this.requestService = requestService;
        this.events = events;
        this.base = baseUrl;
        this.validity = validity;
        this.clock = clock;
    }

    /** Open requests (all of them: a town has few) and a page of decided ones. */
    public record Listing(List<VerificationRequest> open, List<VerificationRequest> decided, long nextBefore) {
    }

    /** One request with the attestation it led to, and where the token must be published. */
    public record Review(VerificationRequest request, Optional<IssuedAttestation> attestation, String domainUrl) {
    }

    public Listing list(Account admin, long before) {
        requireAdmin(admin);
        List<VerificationRequest> open = requests.page(sql, true, Long.MAX_VALUE, 500);
        List<VerificationRequest> decided = requests.page(sql, false, before, PAGE + 1);
        boolean more = decided.size() > PAGE;
        List<VerificationRequest> shown = more ? decided.subList(0, PAGE) : decided;
        return new Listing(open, shown, more ? shown.getLast().id() : 0);
    }

    public Review review(Account admin, long id) {
        requireAdmin(admin);
        VerificationRequest r = requests.byId(sql, id).orElseThrow(HttpError::notFound);
        return new Review(r, attestations.ofRequest(sql, id), requestService.domainUrl(r.domain()));
    }

    public DomainCheckResult checkDomain(Account admin, long id) {
        requireAdmin(admin);
        return requestService.check(requests.byId(sql, id).orElseThrow(HttpError::notFound));
    }

    /** @throws HttpError 409 if the request is not open or its website was not confirmed */
    public IssuedAttestation approve(Account admin, long id) {
        requireAdmin(admin);
        Instant now = clock.instant();
        IssuedAttestation issued = sql.inTransaction(tx -> {
            VerificationRequest r = open(tx, id);
            if (!r.domainConfirmed()) {
                throw HttpError.conflict("verification.error.domain-unconfirmed");
            }
            UUID uuid = UUID.randomUUID();
            Attestation a = new Attestation(issuer.attestationId(uuid), issuer.actor(),
                    URI.create(base + Organisation.path(r.organisationHandle())), r.category().attestation(),
                    r.legalName(), r.domain(), Optional.empty(), now, now.plus(validity), issuer.revocationListId());
            IssuedAttestation row = new IssuedAttestation(uuid, r.organisationId(), r.id(),
                    ActivityJson.writeString(issuer.issue(a)), r.category(), r.legalName(), r.domain(), a.validFrom(),
                    a.validUntil(), null, null);
            attestations.insert(tx, row);
            requests.decide(tx, id, RequestState.APPROVED, null, admin.id(), now);
            audit.add(tx, admin, AuditEntry.Action.APPROVED, r, null, now);
            events.publish(tx, ContentEvent.Kind.ORGANISATION, r.organisationId(), ContentEvent.Change.UPDATED);
            return row;
        });
        LOG.info(() -> "Verification request " + id + " approved by account " + admin.id());
        return issued;
    }

    /** @throws InvalidInput without a reason (nothing is written) */
    public void reject(Account admin, long id, String reason) {
        requireAdmin(admin);
        String why = reason(reason);
        Instant now = clock.instant();
        sql.runInTransaction(tx -> {
            VerificationRequest r = open(tx, id);
            requests.decide(tx, id, RequestState.REJECTED, why, admin.id(), now);
            audit.add(tx, admin, AuditEntry.Action.REJECTED, r, why, now);
        });
        LOG.info(() -> "Verification request " + id + " rejected by account " + admin.id());
    }

    /** The attestation goes on the revocation list; the organisation's actor loses it. */
    public void revoke(Account admin, long id, String reason) {
        requireAdmin(admin);
        String why = reason(reason);
        Instant now = clock.instant();
        sql.runInTransaction(tx -> {
            VerificationRequest r = requests.lock(tx, id).orElseThrow(HttpError::notFound);
            IssuedAttestation a = attestations.ofRequest(tx, id).orElse(null);
            if (r.state() != RequestState.APPROVED || a == null || !attestations.revoke(tx, a.uuid(), why, now)) {
                throw HttpError.conflict("verification.error.not-approved");
            }
            requests.decide(tx, id, RequestState.REVOKED, why, admin.id(), now);
            issuer.republish(tx);
            audit.add(tx, admin, AuditEntry.Action.REVOKED, r, why, now);
            events.publish(tx, ContentEvent.Kind.ORGANISATION, r.organisationId(), ContentEvent.Change.UPDATED);
        });
        LOG.info(() -> "Attestation of request " + id + " revoked by account " + admin.id());
    }

    public List<AuditEntry> audit(Account admin, long before) {
        requireAdmin(admin);
        return audit.page(sql, before, PAGE + 1);
    }

    private VerificationRequest open(Sql tx, long id) {
        VerificationRequest r = requests.lock(tx, id).orElseThrow(HttpError::notFound);
        if (!r.open()) {
            throw HttpError.conflict("verification.error.not-open");
        }
        return r;
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        new InvalidInput.Collector()
                .check(why.length() >= 3 && why.length() <= Revocation.MAX_REASON, "reason", "verification.error.reason")
                .throwIfAny();
        return why;
    }

    private static void requireAdmin(Account account) {
        if (!account.is(Role.ADMIN)) {
            throw HttpError.forbidden("error.forbidden");
        }
    }
}
