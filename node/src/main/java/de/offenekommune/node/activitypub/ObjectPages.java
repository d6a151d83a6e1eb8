package de.offenekommune.node.activitypub;

import java.util.Optional;
import java.util.UUID;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.mapper.ApObject;
import de.offenekommune.node.activitypub.publish.Activities;
import de.offenekommune.node.activitypub.publish.ActivityStore;
import de.offenekommune.node.db.Sql;

/**
 * One URL, two answers: the public object URLs serve ActivityStreams JSON to ActivityPub clients and
 * pass browsers on to the HTML pages (registered before them); both answers carry {@code Vary: Accept}.
 * Deleted objects answer 410 with a Tombstone. Ids that have no page of their own (a question, the
 * official answer, an activity) send browsers to the page they belong to.
 */
public final class ObjectPages implements HttpService {
    private final Sql sql;
    private final NodeUris uris;
    private final LocalObjects objects;
    private final Activities activities;
    private final ActivityStore store;
    private final ApContext context;

    public ObjectPages(Sql sql, NodeUris uris, LocalObjects objects, Activities activities, ActivityStore store,
                       ApContext context) {
        this.sql = sql;
        this.uris = uris;
        this.objects = objects;
        this.activities = activities;
        this.store = store;
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/projekte/{slug}", this::object)
                .get("/projekte/{slug}/neuigkeiten/{id}", this::object)
                .get("/vorschlaege/{id}", this::object)
                .get("/vorschlaege/{id}/antwort", this::answer)
                .get("/umfragen/{id}", this::object)
                .get("/umfragen/{id}/fragen/{question}", this::question)
                .get("/termine/{id}", this::object)
                .get("/kommentare/{id}", this::comment)
                .get(NodeUris.ACTIVITY, this::activity)
                .get(NodeUris.CONTEXT, this::context);
    }

    private void object(ServerRequest req, ServerResponse res) {
        if (!ApJson.wanted(req)) {
            ApJson.vary(res);
            res.next();
            return;
        }
        String uri = uris.base() + req.path().absolute().rawPath();
        Optional<ApObject> found = uris.parse(uri).flatMap(ref -> objects.load(sql, ref));
        if (found.isEmpty()) {
            if (uris.parse(uri).isEmpty()) {
                // e.g. /termine/5.ics: not an object id, let the page answer
                ApJson.vary(res);
                res.next();
                return;
            }
            ApJson.notFound(res, "no such object");
            return;
        }
        ApObject o = found.get();
        ApJson.send(res, o.deleted() ? Status.GONE_410 : Status.OK_200, activities.withContext(o.json()));
    }

    private void answer(ServerRequest req, ServerResponse res) {
        if (!ApJson.wanted(req)) {
            ApJson.seeOther(res, req.path().absolute().rawPath().replace("/antwort", "") + "#antwort");
            return;
        }
        object(req, res);
    }

    private void question(ServerRequest req, ServerResponse res) {
        if (!ApJson.wanted(req)) {
            String path = req.path().absolute().rawPath();
            ApJson.seeOther(res, path.substring(0, path.indexOf("/fragen/")));
            return;
        }
        object(req, res);
    }

    /** A remote comment's document lives at its origin: ActivityPub clients are sent there. */
    private void comment(ServerRequest req, ServerResponse res) {
        if (ApJson.wanted(req)) {
            Optional<LocalRef> ref = uris.parse(uris.base() + req.path().absolute().rawPath());
            if (ref.isPresent() && ref.get() instanceof LocalRef.Comment c) {
                Optional<String> origin = objects.remoteCommentId(sql, c.id()).filter(id -> id != null);
                if (origin.isPresent()) {
                    ApJson.vary(res);
                    res.status(Status.MOVED_PERMANENTLY_301);
                    res.header(HeaderNames.LOCATION, origin.get());
                    res.send();
                    return;
                }
            }
        }
        object(req, res);
    }

    private void activity(ServerRequest req, ServerResponse res) {
        UUID uuid;
        try {
            uuid = UUID.fromString(req.path().pathParameters().get("uuid"));
        } catch (IllegalArgumentException e) {
            ApJson.notFound(res, "no such activity");
            return;
        }
        Optional<ObjectNode> body = store.publicBody(sql, uuid).map(ActivityJson::parse);
        if (body.isEmpty()) {
            ApJson.notFound(res, "no such activity");
            return;
        }
        if (!ApJson.wanted(req)) {
            String object = body.get().path("object").isTextual() ? body.get().path("object").asText()
                    : body.get().path("object").path("id").asText(uris.townProfile());
            ApJson.seeOther(res, object.startsWith(uris.base()) ? object : uris.townProfile());
            return;
        }
        ApJson.send(res, body.get());
    }

    private void context(ServerRequest req, ServerResponse res) {
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/ld+json; charset=utf-8"));
        res.header(HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
        res.header(HeaderValues.create(HeaderNames.CACHE_CONTROL, "max-age=86400, public"));
        res.send(context.json());
    }
}
