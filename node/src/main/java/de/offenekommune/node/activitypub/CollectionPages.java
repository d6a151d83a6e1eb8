package de.offenekommune.node.activitypub;

import java.util.List;
import java.util.Optional;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.node.project.ProjectComments;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Contexts;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.web.HttpError;

/**
 * The collections of objects: {@code <object>/kommentare} (the replies: top-level comments, ours by
 * our id and fediverse ones by theirs, oldest first, paged) and a proposal's
 * {@code /unterstuetzungen} (the likes: the count only; who supports is not published).
 */
public final class CollectionPages implements HttpService {
    static final int PAGE_SIZE = 50;
    static final String REPLIES = "/kommentare";
    static final String LIKES = "/unterstuetzungen";

    private final Sql sql;
    private final NodeUris uris;
    private final ObjectQueries queries;

    public CollectionPages(Sql sql, NodeUris uris, ObjectQueries queries) {
        this.sql = sql;
        this.uris = uris;
        this.queries = queries;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/vorschlaege/{id}" + REPLIES, this::replies)
                .get("/projekte/{slug}" + REPLIES, this::replies)
                .get("/projekte/{slug}/neuigkeiten/{id}" + REPLIES, this::replies)
                .get("/vorschlaege/{id}" + LIKES, this::likes);
    }

    /** What the collection belongs to: the comment target kind and id, and the object's URI. */
    private record Target(String kind, long id, String uri) {
    }

    private Optional<Target> target(String objectUri) {
        return uris.parse(objectUri).flatMap(ref -> switch (ref) {
            case LocalRef.Proposal p -> Optional.of(new Target(ProposalRepository.KIND, p.id(), objectUri));
            case LocalRef.News n -> Optional.of(new Target(ProjectComments.NEWS, n.id(), objectUri));
            case LocalRef.Project p -> queries.projectId(sql, p.slug())
                    .map(id -> new Target(ProjectComments.PROJECT, id, objectUri));
            default -> Optional.empty();
        });
    }

    private static String objectUri(ServerRequest req, NodeUris uris, String suffix) {
        String path = req.path().absolute().rawPath();
        return uris.base() + path.substring(0, path.length() - suffix.length());
    }

    private void replies(ServerRequest req, ServerResponse res) {
        String object = objectUri(req, uris, REPLIES);
        if (!ApJson.wanted(req)) {
            ApJson.seeOther(res, object + "#kommentare");
            return;
        }
        Target t = target(object).orElseThrow(HttpError::notFound);
        String id = object + REPLIES;
        if (req.query().first("page").isEmpty()) {
            ObjectNode c = collection(id, queries.replyCount(sql, t.kind(), t.id()));
            c.put("first", id + "?page=true");
            ApJson.send(res, c);
            return;
        }
        long after = req.query().first("min_id").map(CollectionPages::cursor).orElse(0L);
        List<ObjectQueries.Reply> replies = queries.replies(sql, t.kind(), t.id(), after, PAGE_SIZE + 1);
        boolean more = replies.size() > PAGE_SIZE;
        List<ObjectQueries.Reply> shown = more ? replies.subList(0, PAGE_SIZE) : replies;
        ObjectNode page = ActivityJson.newObject().put("@context", Contexts.ACTIVITYSTREAMS)
                .put("id", id + "?page=true" + (after == 0 ? "" : "&min_id=" + after))
                .put("type", "OrderedCollectionPage").put("partOf", id);
        ArrayNode items = page.putArray("orderedItems");
        shown.forEach(r -> items.add(r.apId() != null ? r.apId() : uris.comment(r.id())));
        if (more) {
            page.put("next", id + "?page=true&min_id=" + shown.getLast().id());
        }
        ApJson.send(res, page);
    }

    private void likes(ServerRequest req, ServerResponse res) {
        String object = objectUri(req, uris, LIKES);
        if (!ApJson.wanted(req)) {
            ApJson.seeOther(res, object + "#unterstuetzung");
            return;
        }
        Target t = target(object).orElseThrow(HttpError::notFound);
        ApJson.send(res, collection(object + LIKES, queries.supportCount(sql, t.id()).orElseThrow(HttpError::notFound)));
    }

    private static long cursor(String value) {
        try {
            long v = Long.parseLong(value);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw HttpError.badRequest("form.error.bad-id");
    }

    private static ObjectNode collection(String id, long total) {
        return ActivityJson.newObject().put("@context", Contexts.ACTIVITYSTREAMS).put("id", id)
                .put("type", "OrderedCollection").put("totalItems", total);
    }
}
