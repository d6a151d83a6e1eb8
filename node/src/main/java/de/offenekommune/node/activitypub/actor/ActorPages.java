package de.offenekommune.node.activitypub.actor;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.delivery.Followers;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.activitypub.ApJson;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.activitypub.mapper.Tombstones;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourService;
import de.offenekommune.node.activitypub.neighbourhood.RemoteActions;
import de.offenekommune.node.activitypub.publish.ActivityStore;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Pages;

/**
 * Actor documents (HTML goes to the actor's page; a citizen's profile page is here), their outbox
 * (paged, public activities), followers (the count is public, the list is not) and the town's
 * following count; and the documents of citizens' remote actions.
 */
public final class ActorPages implements HttpService {
    static final int PAGE_SIZE = 20;

    private final Sql sql;
    private final NodeUris uris;
    private final LocalActors actors;
    private final ActorDocuments documents;
    private final ActivityStore store;
    private final Followers followers;
    private final NeighbourService neighbours;
    private final RemoteActions remoteActions;
    private final Pages pages;

    public ActorPages(Sql sql, NodeUris uris, LocalActors actors, ActorDocuments documents, ActivityStore store,
                      Followers followers, NeighbourService neighbours, RemoteActions remoteActions, Pages pages) {
        this.sql = sql;
        this.uris = uris;
        this.actors = actors;
        this.documents = documents;
        this.store = store;
        this.followers = followers;
        this.neighbours = neighbours;
        this.remoteActions = remoteActions;
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(NodeUris.TOWN, (req, res) -> actor(req, res, r -> Optional.of(actors.town())))
                .get(NodeUris.INSTANCE, (req, res) -> actor(req, res, r -> Optional.of(actors.instance())))
                .get(NodeUris.GROUP, (req, res) -> actor(req, res, r -> actors.group(param(r, "slug"))))
                .get(NodeUris.PERSON, this::person)
                .get(NodeUris.ORGANISATION, this::organisation)
                .get(NodeUris.REMOTE_ACTION, this::remoteAction)
                .get(NodeUris.TOWN + "/following", this::following);
        for (String actorPath : List.of(NodeUris.TOWN, NodeUris.INSTANCE, NodeUris.GROUP, NodeUris.PERSON,
                NodeUris.ORGANISATION)) {
            rules.get(actorPath + "/outbox", this::outbox).get(actorPath + "/followers", this::followers);
        }
    }

    private static String param(ServerRequest req, String name) {
        return req.path().pathParameters().get(name);
    }

    private void actor(ServerRequest req, ServerResponse res, Function<ServerRequest, Optional<LocalActor>> find) {
        Optional<LocalActor> actor = find.apply(req);
        if (actor.isEmpty()) {
            throw HttpError.notFound();
        }
        if (!ApJson.wanted(req)) {
            ApJson.seeOther(res, actor.get().profileUrl());
            return;
        }
        answer(res, actor.get());
    }

    private void answer(ServerResponse res, LocalActor actor) {
        if (actor.deleted()) {
            ApJson.send(res, Status.GONE_410, withContext(Tombstones.of(actor.id(), actor.kind().asType(),
                    actor.deletedAt())));
            return;
        }
        ApJson.send(res, documents.document(actor));
    }

    /** The citizen's profile page, or their actor document. */
    private void person(ServerRequest req, ServerResponse res) {
        LocalActor actor = actors.person(param(req, "username")).orElseThrow(HttpError::notFound);
        if (ApJson.wanted(req)) {
            answer(res, actor);
            return;
        }
        ApJson.vary(res);
        if (actor.deleted()) {
            throw new HttpError(Status.GONE_410, "privacy.profile.gone");
        }
        pages.render(req, res, "activitypub/profile.jte", "actor", actor);
    }

    /** An organisation's actor document; browsers go on to its profile page (same URL). */
    private void organisation(ServerRequest req, ServerResponse res) {
        if (!ApJson.wanted(req)) {
            ApJson.vary(res);
            res.next();
            return;
        }
        LocalActor actor = actors.byId(uris.base() + req.path().absolute().rawPath()).orElseThrow(HttpError::notFound);
        answer(res, actor);
    }

    private Optional<LocalActor> owner(ServerRequest req) {
        String path = req.path().absolute().rawPath();
        String actorPath = path.substring(0, path.lastIndexOf('/'));
        return actors.byId(uris.base() + actorPath).filter(a -> !a.deleted());
    }

    private void outbox(ServerRequest req, ServerResponse res) {
        LocalActor actor = owner(req).orElseThrow(HttpError::notFound);
        String outbox = NodeUris.outbox(actor.id());
        if (req.query().first("page").isEmpty()) {
            ObjectNode c = collection(outbox, store.outboxSize(sql, actor.id()));
            c.put("first", outbox + "?page=true");
            ApJson.send(res, c);
            return;
        }
        long before = req.query().first("max_id").map(ActorPages::cursor).orElse(Long.MAX_VALUE);
        List<ActivityStore.Listed> items = store.outbox(sql, actor.id(), before, PAGE_SIZE + 1);
        boolean more = items.size() > PAGE_SIZE;
        List<ActivityStore.Listed> shown = more ? items.subList(0, PAGE_SIZE) : items;
        ObjectNode page = ActivityJson.newObject().put("@context", Contexts.ACTIVITYSTREAMS)
                .put("id", outbox + "?page=true" + (before == Long.MAX_VALUE ? "" : "&max_id=" + before))
                .put("type", "OrderedCollectionPage").put("partOf", outbox);
        ArrayNode ordered = page.putArray("orderedItems");
        for (ActivityStore.Listed item : shown) {
            ObjectNode activity = ActivityJson.parse(item.body());
            activity.remove("@context");
            ordered.add(activity);
        }
        if (more) {
            page.put("next", outbox + "?page=true&max_id=" + shown.getLast().id());
        }
        ApJson.send(res, page);
    }

    private static long cursor(String value) {
        try {
            long v = Long.parseLong(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw HttpError.badRequest("form.error.bad-id");
    }

    /** Only the count: who follows whom is not published. */
    private void followers(ServerRequest req, ServerResponse res) {
        LocalActor actor = owner(req).orElseThrow(HttpError::notFound);
        ApJson.send(res, collection(NodeUris.followers(actor.id()), followers.count(actor.id())));
    }

    private void following(ServerRequest req, ServerResponse res) {
        ApJson.send(res, collection(NodeUris.following(actors.town().id()), neighbours.followingCount()));
    }

    private void remoteAction(ServerRequest req, ServerResponse res) {
        UUID uuid;
        try {
            uuid = UUID.fromString(param(req, "uuid"));
        } catch (IllegalArgumentException e) {
            throw HttpError.notFound();
        }
        ObjectNode doc = remoteActions.document(param(req, "username"), uuid).orElseThrow(HttpError::notFound);
        boolean gone = "Tombstone".equals(doc.path("type").asText());
        ApJson.send(res, gone ? Status.GONE_410 : Status.OK_200, gone ? withContext(doc) : doc);
    }

    private static ObjectNode collection(String id, long total) {
        return ActivityJson.newObject().put("@context", Contexts.ACTIVITYSTREAMS).put("id", id)
                .put("type", "OrderedCollection").put("totalItems", total);
    }

    private static ObjectNode withContext(ObjectNode doc) {
        ObjectNode out = ActivityJson.newObject().put("@context", Contexts.ACTIVITYSTREAMS);
        out.setAll(doc);
        return out;
    }
}
