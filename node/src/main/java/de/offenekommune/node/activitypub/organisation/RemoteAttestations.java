package de.offenekommune.node.activitypub.organisation;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.fetch.RemoteActors;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.verification.RemoteStatus;
import de.offenekommune.node.verification.RemoteStatusRepository;
import de.offenekommune.verification.attestation.AttestationVerification;
import de.offenekommune.verification.attestation.AttestationVerifier;

/**
 * Checks remote organisations' attestations with the node's one long-lived verifier (trust list: the
 * node itself, its region, the configured anchors) and keeps the outcome for the badge
 * ({@code verification_remote_status}). A check fetches the actor document afresh: an attestation the
 * issuer took off the actor, or put on its revocation list, is gone at the next check.
 */
public final class RemoteAttestations {
    private static final Logger LOG = Logger.getLogger(RemoteAttestations.class.getName());
    /** More than any organisation needs; the rest is ignored so a hostile actor cannot make us work. */
    static final int MAX_ATTESTATIONS = 5;
    private static final String TERM_IRI = "https://offenekommune.de/ns#attestations";

    private final Sql sql;
    private final RemoteStatusRepository statuses;
    private final RemoteActors actors;
    private final AttestationVerifier verifier;
    private final Duration recheck;
    private final Clock clock;

    public RemoteAttestations(Sql sql, RemoteStatusRepository statuses, RemoteActors actors,
                              AttestationVerifier verifier, Duration recheck, Clock clock) {
        this.sql = sql;
        this.statuses = statuses;
        this.actors = actors;
        this.verifier = verifier;
        this.recheck = recheck;
        this.clock = clock;
    }

    /**
     * Content of {@code actorId} arrived: an actor that carries attestations, or is an organisation, is
     * checked unless a check is still fresh. Ordinary people cost one lookup in the actor store.
     */
    public void seen(String actorId) {
        Optional<RemoteStatus> known = statuses.byActor(sql, actorId);
        if (known.isPresent()) {
            if (!known.get().nextCheckAt().isAfter(clock.instant())) {
                check(actorId);
            }
            return;
        }
        Optional<Actor> actor = actors.actor(actorId);
        if (actor.isPresent() && (!attestationsOf(actor.get().json()).isEmpty()
                || actor.get().types().contains("Organization"))) {
            check(actorId);
        }
    }

    /** The actor changed (its Update arrived): check again if we ever checked it. */
    public void changed(String actorId) {
        if (statuses.byActor(sql, actorId).isPresent()) {
            check(actorId);
        } else {
            seen(actorId);
        }
    }

    /** Fetches the actor now, verifies its attestations and stores the outcome. */
    public RemoteStatus check(String actorId) {
        Instant now = clock.instant();
        Optional<Actor> actor = actors.fetchActor(actorId);
        RemoteStatus status = actor.map(a -> verify(actorId, attestationsOf(a.json()), now))
                .orElseGet(() -> notVerified(actorId, RemoteStatus.ACTOR_UNREACHABLE, null, null, now));
        statuses.save(sql, status);
        LOG.info(() -> "Attestation check of " + actorId + ": "
                + (status.verified() ? "verified by " + status.issuer() : status.reason()));
        return status;
    }

    /** Checks every actor whose next check is due; returns how many. */
    public int recheckDue(int limit) {
        List<String> due = statuses.due(sql, clock.instant(), limit);
        for (String actorId : due) {
            try {
                check(actorId);
            } catch (RuntimeException e) {
                LOG.warning(() -> "Attestation check of " + actorId + " failed: " + e);
                statuses.save(sql, notVerified(actorId, RemoteStatus.ACTOR_UNREACHABLE, e.toString(), null,
                        clock.instant()));
            }
        }
        return due.size();
    }

    private RemoteStatus verify(String actorId, List<JsonNode> attestations, Instant now) {
        if (attestations.isEmpty()) {
            return notVerified(actorId, RemoteStatus.NO_ATTESTATION, null, null, now);
        }
        AttestationVerification.Invalid first = null;
        String firstIssuer = null;
        for (JsonNode attestation : attestations) {
            AttestationVerification result = verifier.verify(attestation, URI.create(actorId));
            if (result instanceof AttestationVerification.Valid valid) {
                var a = valid.attestation();
                return new RemoteStatus(actorId, true, null, null, a.issuer().toString(), valid.issuer().role().name(),
                        a.category().json(), a.legalName(), a.domain(), a.ags().orElse(null), a.validUntil(), now,
                        now.plus(recheck));
            }
            if (first == null) {
                first = (AttestationVerification.Invalid) result;
                firstIssuer = attestation.path("issuer").isTextual() ? attestation.path("issuer").asText() : null;
            }
        }
        return notVerified(actorId, first.reason().name(), first.message(), firstIssuer, now);
    }

    private RemoteStatus notVerified(String actorId, String reason, String detail, String issuer, Instant now) {
        String shortDetail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        return new RemoteStatus(actorId, false, reason, shortDetail, issuer, null, null, null, null, null, null, now,
                now.plus(recheck));
    }

    /**
     * The attestations an actor document carries: under {@code attestations}, or (after the federation
     * library normalised the JSON-LD) under the term's IRI as a {@code @json} value.
     */
    static List<JsonNode> attestationsOf(JsonNode actor) {
        JsonNode value = actor.get("attestations");
        if (value == null) {
            value = actor.get(TERM_IRI);
        }
        if (value == null) {
            value = actor.get("ok:attestations");
        }
        if (value != null && value.isObject() && value.has("@value")) {
            value = value.get("@value");
        }
        List<JsonNode> found = new ArrayList<>();
        if (value == null || value.isNull()) {
            return found;
        }
        if (value.isArray()) {
            value.forEach(v -> {
                if (found.size() < MAX_ATTESTATIONS) {
                    found.add(v);
                }
            });
        } else {
            found.add(value);
        }
        return found;
    }
}
