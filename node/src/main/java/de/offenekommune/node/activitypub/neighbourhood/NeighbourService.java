package de.offenekommune.node.activitypub.neighbourhood;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.fetch.Dereferenced;
import de.offenekommune.federation.fetch.Dereferencer;
import de.offenekommune.federation.inbox.BlockList;
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
import de.offenekommune.node.activitypub.mapper.NeighbourItemMapper;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.Publications;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/**
 * Neighbouring towns: an admin makes the town actor follow another town (found by its handle
 * through WebFinger); what that town publishes (Create of a project Page, Announce of its citizens'
 * proposals) is kept as neighbour items, changed and deleted only by who published them.
 */
public final class NeighbourService {
    private static final Logger LOG = Logger.getLogger(NeighbourService.class.getName());
    private static final Pattern HANDLE = Pattern.compile("[^@\\s/:]{1,100}@[a-z0-9.-]{1,200}(:[0-9]{1,5})?|"
            + "[^@\\s/:]{1,100}@\\[[0-9a-f:.]{2,45}](:[0-9]{1,5})?");
    static final int MAX_NEIGHBOURS = 500;

    /** What following a handle did. */
    public sealed interface FollowResult {
        record Followed(Neighbour neighbour) implements FollowResult {
        }

        record AlreadyFollowed(Neighbour neighbour) implements FollowResult {
        }
    }

    private final Sql sql;
    private final BlockList blocks;
    private final NeighbourRepository repository;
    private final NodeUris uris;
    private final WebFingerClient webFinger;
    private final RemoteActors remoteActors;
    private final Dereferencer dereferencer;
    private final List<java.util.function.Consumer<String>> acceptedListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Activities activities;
    private final Publications publications;
    private final Clock clock;

    public NeighbourService(Sql sql, NeighbourRepository repository, NodeUris uris, WebFingerClient webFinger,
                            RemoteActors remoteActors, Dereferencer dereferencer, BlockList blocks,
                            Activities activities, Publications publications, Clock clock) {
        this.sql = sql;
        this.blocks = blocks;
        this.repository = repository;
        this.uris = uris;
        this.webFinger = webFinger;
        this.remoteActors = remoteActors;
        this.dereferencer = dereferencer;
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
        return followHandle(handle);
    }

    /**
     * The same for configured follows (neighbours.follow, region members): no account involved.
     *
     * @throws InvalidInput as {@link #follow}; "unknown" also when the other node is not reachable yet
     */
    public FollowResult followHandle(String handle) {
        String h = normalise(handle);
        if (!validHandle(h)) {
            throw InvalidInput.of("handle", "neighbours.error.handle");
        }
        // A blocked server is not even asked (WebFinger), and would get no Follow anyway.
        if (blocks.isBlockedHost(h.substring(h.indexOf('@') + 1).replaceFirst(":\\d+$", ""))) {
            throw InvalidInput.of("handle", "neighbours.error.blocked");
        }
        WebFingerResult found = webFinger.lookup(h).orElseThrow(() -> InvalidInput.of("handle", "neighbours.error.unknown"));
        if (uris.parse(found.actorId()).isPresent() || found.actorId().startsWith(uris.base() + "/")) {
            throw InvalidInput.of("handle", "neighbours.error.self");
        }
        Actor actor = remoteActors.actor(found.actorId())
                .filter(a -> a.inbox() != null)
                .orElseThrow(() -> InvalidInput.of("handle", "neighbours.error.unknown"));
        Activities.Activity follow = activities.follow(uris.town(), actor.id());
        Neighbour n = new Neighbour(actor.id(), h, actor.name() != null ? actor.name() : h, actor.url(),
                Neighbour.State.PENDING, follow.id(), clock.instant());
        return sql.inTransaction(tx -> {
            if (!repository.insert(tx, n)) {
                return new FollowResult.AlreadyFollowed(repository.byActor(tx, actor.id()).orElse(n));
            }
            publications.direct(tx, uris.town(), follow.uuid(), follow.json(), List.of(actor.inbox()), List.of());
            LOG.info(() -> "Town follows " + actor.id() + " (" + n.handle() + ")");
            return new FollowResult.Followed(n);
        });
    }

    /** {@code name@host[:port]}: no leading {@code @} or {@code acct:}, in lower case (as WebFinger compares). */
    public static String normalise(String handle) {
        String h = handle == null ? "" : handle.strip().toLowerCase(java.util.Locale.ROOT);
        h = h.startsWith("acct:") ? h.substring(5) : h;
        return h.startsWith("@") ? h.substring(1) : h;
    }

    /** A handle as {@link #normalise} leaves it: {@code name@host} with an optional port. */
    public static boolean validHandle(String normalised) {
        return HANDLE.matcher(normalised).matches();
    }

    /** Handles (lower case) of every town followed or asked, to see which configured ones are missing. */
    public java.util.Set<String> followedHandles() {
        return new java.util.HashSet<>(repository.handles(sql));
    }

    /** Called with the actor id when a town accepts our Follow (fetch what it published before). */
    public void onAccepted(java.util.function.Consumer<String> listener) {
        acceptedListeners.add(listener);
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
        if (changed && accepted) {
            acceptedListeners.forEach(l -> l.accept(actor));
        }
    }

    public boolean isNeighbour(String actor) {
        return repository.isFollowed(sql, actor);
    }

    public long followingCount() {
        return repository.countAccepted(sql);
    }

    /**
     * A project, proposal, survey or event a neighbour published or shared. A survey that takes
     * fediverse votes arrives as its Questions: the survey's own page is fetched from its origin.
     */
    public void received(String neighbourActor, AsObject o) {
        Optional<String> survey = NeighbourItemMapper.surveyOf(o);
        if (survey.isPresent()) {
            if (repository.itemByApId(sql, survey.get()).isEmpty()) {
                fetchAndKeep(neighbourActor, survey.get());
            }
            return;
        }
        NeighbourItemMapper.fromObject(neighbourActor, o, clock.instant())
                .ifPresent(item -> sql.runInTransaction(tx -> repository.upsertItem(tx, item)));
    }

    /**
     * Fetches an object from its origin (on the neighbour's host) and keeps it if it is an item.
     *
     * @return false if the origin could not be reached or answered with an error (worth another try)
     */
    public boolean fetchAndKeep(String neighbourActor, String objectId) {
        if (!Origin.isHttpUrl(objectId) || !Origin.sameHost(objectId, neighbourActor)) {
            return true;
        }
        Dereferenced fetched = dereferencer.fetchFresh(objectId);
        if (fetched instanceof Dereferenced.Found found && found.document() instanceof AsObject o
                && !"Tombstone".equals(o.type())) {
            received(neighbourActor, o);
        }
        return !isTransient(fetched);
    }

    /** A failure another attempt may not meet: no answer in time, no connection, an error status. */
    static boolean isTransient(Dereferenced fetched) {
        return fetched instanceof Dereferenced.Failed f && switch (f.failure()) {
            case TIMEOUT, CONNECTION_FAILED, HTTP_STATUS -> true;
            default -> false;
        };
    }

    /**
     * A newer version, from who published it (or the town that shared it). A changed survey arrives
     * as Updates of its Questions: its page is fetched again when the survey itself changed.
     */
    public void updated(String actor, AsObject o) {
        if (NeighbourItemMapper.surveyOf(o).isPresent()) {
            Optional<NeighbourItem> survey = repository.itemWithPart(sql, o.id());
            Optional<Instant> changed = time(JsonValues.text(o.json(), "updated"));
            if (survey.isEmpty() && isNeighbour(actor)) {
                received(actor, o);
            } else if (survey.isPresent() && actor.equals(survey.get().neighbourActor()) && changed.isPresent()
                    && changed.get().isAfter(survey.get().updatedAt())) {
                fetchAndKeep(actor, survey.get().apId());
            }
            return;
        }
        Optional<NeighbourItem> known = repository.itemByApId(sql, o.id());
        if (known.isEmpty()) {
            // Published before we followed (and not fetched since): keep it now.
            if (isNeighbour(actor)) {
                received(actor, o);
            }
            return;
        }
        if (!(actor.equals(known.get().attributedTo()) || actor.equals(known.get().neighbourActor()))) {
            return;
        }
        NeighbourItemMapper.fromObject(known.get().neighbourActor(), o, clock.instant())
                .ifPresent(item -> sql.runInTransaction(tx -> repository.upsertItem(tx, item)));
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
