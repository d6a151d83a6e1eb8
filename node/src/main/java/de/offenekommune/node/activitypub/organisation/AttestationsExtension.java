package de.offenekommune.node.activitypub.organisation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.ActorDocument;
import de.offenekommune.node.activitypub.actor.ActorDocumentExtension;
import de.offenekommune.node.activitypub.actor.ActorKind;
import de.offenekommune.node.activitypub.actor.LocalActor;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.verification.AttestationRepository;
import de.offenekommune.node.verification.IssuedAttestation;

/**
 * Puts an organisation's standing attestations (as signed, under {@code attestations}, a {@code @json}
 * term of our context) on its actor document. Parsed documents are kept for a short while and dropped
 * when a decision changes them, so serving actor documents costs no query most of the time.
 */
public final class AttestationsExtension implements ActorDocumentExtension {
    private static final Duration KEEP = Duration.ofSeconds(30);

    private record Cached(List<JsonNode> documents, Instant until) {
    }

    private final Sql sql;
    private final AttestationRepository attestations;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    public AttestationsExtension(Sql sql, AttestationRepository attestations, Clock clock) {
        this.sql = sql;
        this.attestations = attestations;
        this.clock = clock;
    }

    @Override
    public void extend(LocalActor actor, ActorDocument.Builder document) {
        if (actor.kind() != ActorKind.ORGANIZATION || actor.deleted()) {
            return;
        }
        List<JsonNode> standing = standing(actor.localId());
        if (!standing.isEmpty()) {
            ArrayNode array = ActivityJson.mapper().createArrayNode();
            standing.forEach(d -> array.add(d.deepCopy()));
            document.property("attestations", array);
        }
    }

    /** After an approval or revocation. */
    public void forget(long organisationId) {
        cache.remove(organisationId);
    }

    private List<JsonNode> standing(long organisationId) {
        Instant now = clock.instant();
        Cached c = cache.get(organisationId);
        if (c != null && now.isBefore(c.until())) {
            return c.documents();
        }
        List<IssuedAttestation> live = attestations.live(sql, organisationId, now);
        List<JsonNode> parsed = live.stream().map(a -> (JsonNode) ActivityJson.parse(a.document())).toList();
        Instant until = live.stream().map(IssuedAttestation::validUntil).filter(u -> u.isBefore(now.plus(KEEP)))
                .findFirst().orElse(now.plus(KEEP));
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(organisationId, new Cached(parsed, until));
        return parsed;
    }
}
