package de.offenekommune.node.activitypub.organisation;

import java.util.Optional;

import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourItem;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourService;
import de.offenekommune.node.comment.CommentTargets;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.project.ProjectComments;
import de.offenekommune.node.statement.Statement;
import de.offenekommune.node.web.HttpError;

/** What a local statement answers: our project or proposal (and the project's group), or a neighbour's object. */
public final class StatementPlacements {
    /** The statement kind of a neighbour's project or proposal. */
    public static final String NEIGHBOUR = de.offenekommune.node.statement.StatementService.NEIGHBOUR;

    private final NodeUris uris;
    private final CommentTargets targets;
    private final NeighbourService neighbours;

    public StatementPlacements(NodeUris uris, CommentTargets targets, NeighbourService neighbours) {
        this.uris = uris;
        this.targets = targets;
        this.neighbours = neighbours;
    }

    /** Empty when the target is gone. */
    public Optional<StatementNotes.Placement> of(Sql sql, Statement s) {
        if (NEIGHBOUR.equals(s.targetKind())) {
            try {
                NeighbourItem item = neighbours.item(s.targetId());
                return Optional.of(new StatementNotes.Placement(item.apId(), item.attributedTo(), null));
            } catch (HttpError gone) {
                return Optional.empty();
            }
        }
        return targets.find(sql, s.targetKind(), s.targetId())
                .map(t -> new StatementNotes.Placement(uris.base() + t.path(), null,
                        ProjectComments.PROJECT.equals(t.kind()) ? uris.base() + t.path() + "/gruppe" : null));
    }
}
