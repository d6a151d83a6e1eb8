package de.offenekommune.node.activitypub.neighbourhood;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.fetch.RemoteActors;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.federation.vocab.JsonValues;
import de.offenekommune.federation.webfinger.WebFingerClient;
import de.offenekommune.federation.webfinger.WebFingerResult;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.HtmlSanitizer;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/**
 * Neighbouring towns: an admin makes the town actor follow another town (found by its handle
 * through WebFinger); what that town publishes (Create of a project Page, Announce of its citizens'
 * proposals) is kept as neighbour items, changed and deleted only by who published them.
 */
public final class NeighbourService {
    private static final Logger LOG = Logger.getLogger(NeighbourService.class.getName());
    private static final Pattern HANDLE = Pattern.compile("@?[^@\\s/]{1,100}@[A-Za-z0-9.:\\[\\]-]{1,200}");
    static final int MAX_NEIGHBOURS = 500;

    /** What following a handle did. */
    public sealed interface FollowResult {
        record Followed(Neighbour neighbour) implements FollowResult {
        }

        record AlreadyFollowed() implements FollowResult {
        }
    }

    private final Sql sql;
    private final NeighbourRepository repository;
    private final NodeUris uris;
    private final WebFingerClient webFinger;
    private final RemoteActors remoteActors;
    private final Activities activities;
    private final Publications publications;
    private final Clock clock;

    public NeighbourService(Sql sql, NeighbourRepository repository, NodeUris uris, WebFingerClient webFinger,
                            RemoteActors remoteActors, Activities activities, Publications publications, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.uris = uris;
        this.webFinger = webFinger;
        this.remoteActors = remoteActors;
        this.activities = activities;
        this.publications = publications;
        this.clock = clock;
    }

    public List<Neighbour> list(Account admin) {
        requireAdmin(admin);
        return repository.all(sql, MAX_NEIGHBOURS);
    }

    /**
     * Looks the handle up and sends the town's Follow.
     *
     * @throws InvalidInput the handle is malformed, unknown, not an actor, or this town itself
     */
    public FollowResult follow(Account admin, String handle) {
        requireAdmin(admin);
        String h = handle == null ? "" : handle.strip();
        if (!HANDLE.matcher(h).matches()) {
            throw InvalidInput.of("handle", "neighbours.error.handle");
        }
        WebFingerResult found = webFinger.lookup(h).orElseThrow(() -> InvalidInput.of("handle", "neighbours.error.unknown"));
        if (uris.parse(found.actorId()).isPresent() || found.actorId().startsWith(uris.base() + "/")) {
            throw InvalidInput.of("handle", "neighbours.error.self");
        }
        Actor actor = remoteActors.actor(found.actorId())
                .filter(a -> a.inbox() != null)
                .orElseThrow(() -> InvalidInput.of("handle", "neighbours.error.unknown"));
        Activities.Activity follow = activities.follow(uris.town(), actor.id());
        Neighbour n = new Neighbour(actor.id(), h.startsWith("@") ? h.substring(1) : h,
                actor.name() != null ? actor.name() : h, actor.url(), Neighbour.State.PENDING, follow.id(),
                clock.instant());
        return sql.inTransaction(tx -> {
            if (!repository.insert(tx, n)) {
                return new FollowResult.AlreadyFollowed();
            }
            publications.direct(tx, uris.town(), follow.uuid(), follow.json(), List.of(actor.inbox()), List.of());
            LOG.info(() -> "Town follows " + actor.id() + " (" + n.handle() + ")");
            return new FollowResult.Followed(n);
        });
    }

    /** Sends Undo{Follow} and forgets the town and its items. */
    public void unfollow(Account admin, String actorUri) {
        requireAdmin(admin);
        Neighbour n = repository.byActor(sql, actorUri).orElseThrow(HttpError::notFound);
        String inbox = remoteActors.actor(actorUri).map(Actor::inbox).orElse(null);
        ObjectNode follow = ActivityJson.newObject().put("id", n.followActivity()).put("type", "Follow")
                .put("actor", uris.town()).put("object", actorUri);
        Activities.Activity undo = activities.undo(uris.town(), follow, actorUri);
        sql.runInTransaction(tx -> {
            repository.delete(tx, actorUri);
            if (inbox != null) {
                publications.direct(tx, uris.town(), undo.uuid(), undo.json(), List.of(inbox), List.of());
            }
        });
    }

    /** Accept or Reject of our Follow, from the followed town only. */
    public void answered(String actor, String followId, boolean accepted) {
        boolean changed = sql.inTransaction(tx -> repository.setState(tx, actor, followId,
                accepted ? Neighbour.State.ACCEPTED : Neighbour.State.REJECTED));
        LOG.info(() -> actor + (accepted ? " accepted" : " rejected") + " the town's follow" + (changed ? "" : " (unknown)"));
    }

    public boolean isNeighbour(String actor) {
        return repository.isFollowed(sql, actor);
    }

    public long followingCount() {
        return repository.countAccepted(sql);
    }

    /** A project or proposal a neighbour published or shared. */
    public void received(String neighbourActor, AsObject o) {
        toItem(neighbourActor, o).ifPresent(item -> sql.runInTransaction(tx -> repository.upsertItem(tx, item)));
    }

    /** A newer version, from who published it (or the town that shared it). */
    public void updated(String actor, AsObject o) {
        Optional<NeighbourItem> known = repository.itemByApId(sql, o.id());
        if (known.isEmpty() || !(actor.equals(known.get().attributedTo()) || actor.equals(known.get().neighbourActor()))) {
            return;
        }
        toItem(known.get().neighbourActor(), o).ifPresent(item -> sql.runInTransaction(tx -> repository.upsertItem(tx, item)));
    }

    public void deleted(String actor, String objectId) {
        boolean gone = sql.inTransaction(tx -> repository.deleteItem(tx, objectId, actor, clock.instant()));
        if (gone) {
            LOG.info(() -> "Neighbour item " + objectId + " deleted by " + actor);
        }
    }

    /** The newest projects and proposals of neighbours (up to {@code limit} of each), for the home page. */
    public Latest latest(int limit) {
        List<NeighbourItem> items = repository.latest(sql, limit);
        return new Latest(items.stream().filter(i -> !i.proposal()).toList(),
                items.stream().filter(NeighbourItem::proposal).toList());
    }

    /** What the home page shows of the neighbourhood. */
    public record Latest(List<NeighbourItem> projects, List<NeighbourItem> proposals) {
        public boolean isEmpty() {
            return projects.isEmpty() && proposals.isEmpty();
        }
    }

    /** @throws HttpError 404 unknown, 410 deleted */
    public NeighbourItem item(long id) {
        NeighbourItem item = repository.item(sql, id).orElseThrow(HttpError::notFound);
        if (item.deletedAt() != null) {
            throw new HttpError(io.helidon.http.Status.GONE_410, "error.gone");
        }
        return item;
    }

    /** Our items are OffeneKommune projects (with a project kind) and proposals (with a status). */
    private Optional<NeighbourItem> toItem(String neighbourActor, AsObject o) {
        ObjectNode json = o.json();
        NeighbourItem.Kind kind = json.has("proposalStatus") ? NeighbourItem.Kind.PROPOSAL
                : json.has("projectKind") ? NeighbourItem.Kind.PROJECT : null;
        String author = o.attributedTo().isEmpty() ? null : o.attributedTo().getFirst();
        if (kind == null || author == null || o.name() == null || !Origin.sameHost(author, o.id())
                || kind == NeighbourItem.Kind.PROJECT && !author.equals(neighbourActor)) {
            return Optional.empty();
        }
        String url = o.url() != null && Origin.isHttpUrl(o.url()) && Origin.sameHost(o.url(), o.id()) ? o.url() : o.id();
        Instant published = time(o.published()).orElse(clock.instant());
        Instant updated = time(JsonValues.text(json, "updated")).orElse(published);
        return Optional.of(new NeighbourItem(0, o.id(), neighbourActor, null, author, kind,
                HtmlSanitizer.teaser(HtmlSanitizer.text(o.name()), 300),
                HtmlSanitizer.teaser(HtmlSanitizer.text(o.summary() == null ? "" : o.summary()), 1000), url,
                JsonValues.text(json, "proposalStatus"), count(json, "localSupportCount"),
                count(json, "remoteSupportCount"), count(json, "supportThreshold"), published, updated, null, null));
    }

    private static Integer count(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && v.canConvertToInt() && v.asInt() >= 0 ? v.asInt() : null;
    }

    private static Optional<Instant> time(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void requireAdmin(Account account) {
        if (!account.is(Role.ADMIN)) {
            throw HttpError.forbidden("error.forbidden");
        }
    }
}
