package de.offenekommune.node.activitypub.neighbourhood;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.mapper.Tombstones;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.comment.CommentService;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Markdown;
import de.offenekommune.node.web.MarkdownLinks;

/**
 * Citizens take part in neighbours' proposals from their home node: their own Person actor sends a
 * Like (support) or a Note (comment) to the proposal's author, signed with their key; the other town
 * counts them as fediverse supports and comments. Withdrawing sends Undo{Like}, deleting Delete.
 */
public final class RemoteActions {
    static final int NOTES_SHOWN = 50;

    /** A neighbour item with what the viewing citizen did there. */
    public record View(NeighbourItem item, boolean supported, List<RemoteAction> notes) {
    }

    private final Sql sql;
    private final NeighbourRepository repository;
    private final NeighbourService neighbours;
    private final NodeUris uris;
    private final Activities activities;
    private final Publications publications;
    private final Clock clock;

    public RemoteActions(Sql sql, NeighbourRepository repository, NeighbourService neighbours, NodeUris uris,
                         Activities activities, Publications publications, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.neighbours = neighbours;
        this.uris = uris;
        this.activities = activities;
        this.publications = publications;
        this.clock = clock;
    }

    public View view(Optional<Account> viewer, long itemId) {
        NeighbourItem item = neighbours.item(itemId);
        if (viewer.isEmpty()) {
            return new View(item, false, List.of());
        }
        long account = viewer.get().id();
        return new View(item, repository.liveLike(sql, account, itemId).isPresent(),
                repository.notes(sql, account, itemId, NOTES_SHOWN));
    }

    /** A Like of the neighbour's proposal; a second one while the first stands does nothing. */
    public void support(Account citizen, long itemId) {
        NeighbourItem item = proposal(citizen, itemId);
        RemoteAction like = new RemoteAction(0, UUID.randomUUID(), citizen.id(), itemId, RemoteAction.Kind.LIKE,
                null, clock.instant(), null);
        String person = uris.person(citizen.username());
        ObjectNode json = activities.like(uris.remoteAction(citizen.username(), like.uuid()), person, item.apId(),
                item.attributedTo());
        sql.runInTransaction(tx -> {
            if (repository.liveLike(tx, citizen.id(), itemId).isPresent()) {
                return;
            }
            repository.insertAction(tx, like);
            publications.direct(tx, person, like.uuid(), json, List.of(), List.of(item.attributedTo()));
        });
    }

    public void withdraw(Account citizen, long itemId) {
        NeighbourItem item = proposal(citizen, itemId);
        String person = uris.person(citizen.username());
        sql.runInTransaction(tx -> repository.liveLike(tx, citizen.id(), itemId).ifPresent(like -> {
            repository.deleteAction(tx, like.id(), citizen.id(), clock.instant());
            ObjectNode original = ActivityJson.newObject().put("id", uris.remoteAction(citizen.username(), like.uuid()))
                    .put("type", "Like").put("actor", person).put("object", item.apId());
            Activities.Activity undo = activities.undo(person, original, item.attributedTo());
            publications.direct(tx, person, undo.uuid(), undo.json(), List.of(), List.of(item.attributedTo()));
        }));
    }

    /** A comment on the neighbour's proposal: a Note in reply to it, addressed to its author. */
    public void comment(Account citizen, long itemId, String text) {
        NeighbourItem item = proposal(citizen, itemId);
        String body = text == null ? "" : text.strip();
        Optional<String> linkProblem = MarkdownLinks.problem(body);
        new InvalidInput.Collector()
                .check(!body.isEmpty(), "text", "comment.error.empty")
                .check(body.length() <= CommentService.MAX_BODY, "text", "comment.error.too-long")
                .check(linkProblem.isEmpty(), "text", linkProblem.orElse(""))
                .throwIfAny();
        RemoteAction note = new RemoteAction(0, UUID.randomUUID(), citizen.id(), itemId, RemoteAction.Kind.NOTE,
                Markdown.toHtml(body), clock.instant(), null);
        String person = uris.person(citizen.username());
        Activities.Activity create = activities.createOf(person, note(citizen.username(), note, item));
        sql.runInTransaction(tx -> {
            repository.insertAction(tx, note);
            publications.direct(tx, person, create.uuid(), create.json(), List.of(), List.of(item.attributedTo()));
        });
    }

    /**
     * Deletes the citizen's own comment there: a Delete with the Tombstone goes to the proposal's author.
     *
     * @return the neighbour item the comment was on (the page to go back to)
     */
    public long deleteComment(Account citizen, UUID uuid) {
        RemoteAction note = repository.action(sql, uuid).filter(a -> a.kind() == RemoteAction.Kind.NOTE)
                .orElseThrow(HttpError::notFound);
        if (note.accountId() != citizen.id()) {
            throw HttpError.forbidden("comment.error.not-author");
        }
        NeighbourItem item = repository.item(sql, note.itemId()).orElseThrow(HttpError::notFound);
        String person = uris.person(citizen.username());
        Instant now = clock.instant();
        String id = uris.remoteAction(citizen.username(), uuid);
        ObjectNode addressing = ActivityJson.newObject();
        addressing.putArray("to").add(Contexts.PUBLIC);
        addressing.putArray("cc").add(item.attributedTo());
        Activities.Activity delete = activities.deleteOf(person, Tombstones.of(id, "Note", now), addressing);
        sql.runInTransaction(tx -> {
            if (!repository.deleteAction(tx, note.id(), citizen.id(), now)) {
                throw new HttpError(io.helidon.http.Status.GONE_410, "comment.error.deleted");
            }
            publications.direct(tx, person, delete.uuid(), delete.json(), List.of(), List.of(item.attributedTo()));
        });
        return item.id();
    }

    /** The document at a citizen's remote-action id: the Note or Like, or a Tombstone once withdrawn. */
    public Optional<ObjectNode> document(String username, UUID uuid) {
        Optional<RemoteAction> action = repository.action(sql, uuid);
        Optional<NeighbourItem> item = action.flatMap(a -> repository.item(sql, a.itemId()));
        Optional<String> owner = action.flatMap(a -> sql.one("SELECT username FROM account WHERE id = ?",
                r -> r.str("username"), a.accountId()));
        if (action.isEmpty() || item.isEmpty() || owner.isEmpty() || !owner.get().equals(username)) {
            return Optional.empty();
        }
        RemoteAction a = action.get();
        String id = uris.remoteAction(username, uuid);
        if (a.deleted()) {
            return Optional.of(Tombstones.of(id, a.kind() == RemoteAction.Kind.NOTE ? "Note" : "Like", a.deletedAt()));
        }
        if (a.kind() == RemoteAction.Kind.LIKE) {
            return Optional.of(activities.like(id, uris.person(username), item.get().apId(), item.get().attributedTo()));
        }
        return Optional.of(note(username, a, item.get()));
    }

    private ObjectNode note(String username, RemoteAction a, NeighbourItem item) {
        String person = uris.person(username);
        String id = uris.remoteAction(username, a.uuid());
        ObjectNode note = ActivityJson.newObject().put("id", id).put("type", "Note").put("attributedTo", person)
                .put("inReplyTo", item.apId()).put("content", a.bodyHtml()).put("mediaType", "text/html")
                .put("url", id).put("published", AsText.time(a.createdAt()));
        note.putArray("to").add(Contexts.PUBLIC);
        note.putArray("cc").add(NodeUris.followers(person)).add(item.attributedTo());
        note.putArray("tag").addObject().put("type", "Mention").put("href", item.attributedTo())
                .put("name", item.attributedTo());
        return activities.withContext(note);
    }

    private NeighbourItem proposal(Account citizen, long itemId) {
        if (!citizen.confirmed()) {
            throw HttpError.forbidden("proposal.error.unconfirmed");
        }
        NeighbourItem item = neighbours.item(itemId);
        if (!item.proposal()) {
            throw HttpError.badRequest("neighbours.error.not-proposal");
        }
        return item;
    }
}
