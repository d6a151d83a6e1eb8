package de.offenekommune.node.activitypub.attestation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.ActorDocument;
import de.offenekommune.node.activitypub.actor.ActorDocumentExtension;
import de.offenekommune.node.activitypub.actor.ActorKind;
import de.offenekommune.node.activitypub.actor.LocalActor;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.verification.HeldAttestation;
import de.offenekommune.node.verification.HeldAttestationRepository;

/**
 * Puts the node attestations the town actor holds (as signed, under {@code attestations}, the same
 * {@code @json} term organisations use) on the town actor's document, where every other node reads
 * and checks them. Kept parsed for a short while and dropped when one arrives or is withdrawn, so
 * serving the town actor costs no query most of the time.
 */
final class TownAttestationsExtension implements ActorDocumentExtension {
    private static final Duration KEEP = Duration.ofSeconds(30);

    private record Cached(List<JsonNode> documents, Instant until) {
    }

    private final Sql sql;
    private final HeldAttestationRepository held;
    private final Clock clock;
    private volatile Cached cached;

    TownAttestationsExtension(Sql sql, HeldAttestationRepository held, Clock clock) {
        this.sql = sql;
        this.held = held;
        this.clock = clock;
    }

    @Override
    public void extend(LocalActor actor, ActorDocument.Builder document) {
        if (actor.kind() != ActorKind.TOWN) {
            return;
        }
        List<JsonNode> standing = standing();
        if (!standing.isEmpty()) {
            ArrayNode array = ActivityJson.mapper().createArrayNode();
            standing.forEach(d -> array.add(d.deepCopy()));
            document.property("attestations", array);
        }
    }

    /** After one arrived or was withdrawn. */
    void forget() {
        cached = null;
    }

    private List<JsonNode> standing() {
        Instant now = clock.instant();
        Cached c = cached;
        if (c != null && now.isBefore(c.until())) {
            return c.documents();
        }
        List<HeldAttestation> live = held.live(sql, now);
        List<JsonNode> parsed = live.stream().map(a -> (JsonNode) ActivityJson.parse(a.document())).toList();
        Instant until = live.stream().map(HeldAttestation::validUntil).filter(u -> u.isBefore(now.plus(KEEP)))
                .findFirst().orElse(now.plus(KEEP));
        cached = new Cached(parsed, until);
        return parsed;
    }
}
