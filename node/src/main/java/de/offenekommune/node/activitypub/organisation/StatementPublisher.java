package de.offenekommune.node.activitypub.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.mapper.Tombstones;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvent;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.statement.Statement;
import de.offenekommune.node.statement.StatementRepository;
import de.offenekommune.verification.proof.ObjectIntegrityProofs;

/**
 * Sends local organisations' statements, in the transaction that wrote them: a {@code Create} of the
 * signed Note (the Create signed too) by the organisation's actor, to its followers, the project
 * group's followers, and the author of a neighbour's proposal; a deleted statement goes out as
 * {@code Delete}. Deliveries are signed with the organisation's own keys.
 */
public final class StatementPublisher implements ContentEvents.Listener {
    private final NodeUris uris;
    private final StatementRepository statements;
    private final StatementPlacements placements;
    private final StatementNotes notes;
    private final ObjectIntegrityProofs proofs;
    private final Activities activities;
    private final Publications publications;
    private final Clock clock;

    public StatementPublisher(NodeUris uris, StatementRepository statements, StatementPlacements placements,
                              StatementNotes notes, ObjectIntegrityProofs proofs,
                              Activities activities, Publications publications, Clock clock) {
        this.uris = uris;
        this.statements = statements;
        this.placements = placements;
        this.notes = notes;
        this.proofs = proofs;
        this.activities = activities;
        this.publications = publications;
        this.clock = clock;
    }

    @Override
    public void on(Sql tx, ContentEvent e) {
        if (e.kind() != ContentEvent.Kind.STATEMENT) {
            return;
        }
        Optional<Statement> found = statements.byId(tx, e.id(), clock.instant()).filter(s -> !s.remote());
        Optional<StatementNotes.Placement> at = found.flatMap(s -> placements.of(tx, s));
        if (found.isEmpty() || at.isEmpty()) {
            return;
        }
        Statement s = found.get();
        List<String> followersOf = new ArrayList<>(List.of(s.actor()));
        if (at.get().group() != null) {
            followersOf.add(at.get().group());
        }
        List<String> actors = at.get().remoteOwner() == null ? List.of() : List.of(at.get().remoteOwner());
        Activities.Activity activity;
        if (e.change() == ContentEvent.Change.DELETED) {
            ObjectNode addressing = ActivityJson.newObject();
            addressing.putArray("to").add(Contexts.PUBLIC);
            ArrayNode cc = addressing.putArray("cc").add(NodeUris.followers(s.actor()));
            actors.forEach(cc::add);
            activity = activities.deleteOf(s.actor(), Tombstones.of(uris.base() + Statement.path(s.id()), "Note",
                    s.deletedAt() == null ? clock.instant() : s.deletedAt()), addressing);
        } else {
            Activities.Activity create = activities.withSignedObject("Create", s.actor(), notes.signedNote(s, at.get()));
            activity = new Activities.Activity(create.uuid(), proofs.sign(create.json(), notes.signingKey(s.actor())));
        }
        publications.sent(tx, activity, s.actor(), followersOf, actors);
    }
}
