package de.offenekommune.node.activitypub.organisation;

import java.time.Clock;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.activitypub.ApJson;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.mapper.Tombstones;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.statement.Statement;
import de.offenekommune.node.statement.StatementRepository;

/**
 * A statement's id answers ActivityPub clients with the signed Note (browsers go on to its place on
 * the page); a remote statement's document lives at its origin, a deleted one is a Tombstone (410).
 */
public final class StatementObjectPages implements HttpService {
    private final Sql sql;
    private final NodeUris uris;
    private final StatementRepository statements;
    private final StatementPlacements placements;
    private final StatementNotes notes;
    private final Activities activities;
    private final Clock clock;

    public StatementObjectPages(Sql sql, NodeUris uris, StatementRepository statements, StatementPlacements placements,
                                StatementNotes notes, Activities activities, Clock clock) {
        this.sql = sql;
        this.uris = uris;
        this.statements = statements;
        this.placements = placements;
        this.notes = notes;
        this.activities = activities;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/stellungnahmen/{id}", this::statement);
    }

    private void statement(ServerRequest req, ServerResponse res) {
        if (!ApJson.wanted(req)) {
            ApJson.vary(res);
            res.next();
            return;
        }
        Optional<Statement> found = id(req.path().pathParameters().get("id"))
                .flatMap(id -> statements.byId(sql, id, clock.instant()));
        if (found.isEmpty()) {
            ApJson.notFound(res, "no such statement");
            return;
        }
        Statement s = found.get();
        if (s.remote()) {
            ApJson.vary(res);
            res.status(Status.MOVED_PERMANENTLY_301);
            res.header(HeaderNames.LOCATION, s.apId());
            res.send();
            return;
        }
        Optional<StatementNotes.Placement> at = placements.of(sql, s);
        if (s.deleted() || at.isEmpty()) {
            ApJson.send(res, Status.GONE_410, activities.withContext(Tombstones.of(uris.base() + Statement.path(s.id()),
                    "Note", s.deletedAt())));
            return;
        }
        ApJson.send(res, notes.signedNote(s, at.get()));
    }

    private static Optional<Long> id(String value) {
        try {
            long id = Long.parseLong(value);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
