package de.offenekommune.node.event;

import java.time.Instant;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.api.ApiLists;
import de.offenekommune.node.api.Json;
import de.offenekommune.node.web.Inputs;

/** Staff API for events (under {@code /api/v1}). */
public final class EventApi implements HttpService {
    private final EventService events;
    private final String baseUrl;

    public EventApi(EventService events, String baseUrl) {
        this.events = events;
        this.baseUrl = baseUrl;
    }

    record EventView(long id, Long projectId, String url, String icsUrl, String title, String summary,
                     String description, String descriptionHtml, Instant startsAt, Instant endsAt, String placeName,
                     String placeAddress, Double latitude, Double longitude, Instant createdAt, Instant updatedAt) {
    }

    private EventView view(Event e) {
        return new EventView(e.id(), e.projectId(), baseUrl + e.path(), baseUrl + e.path() + ".ics", e.title(),
                e.summary(), e.description(), e.descriptionHtml(), e.startsAt(), e.endsAt(), e.placeName(),
                e.placeAddress(), e.latitude(), e.longitude(), e.createdAt(), e.updatedAt());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/events", this::list)
                .post("/events", this::create)
                .get("/events/{id}", this::get)
                .put("/events/{id}", this::update)
                .delete("/events/{id}", this::delete);
    }

    private static long id(ServerRequest req) {
        return Inputs.pathId(req.path().pathParameters().get("id"));
    }

    private void list(ServerRequest req, ServerResponse res) {
        int limit = ApiLists.limit(req);
        var found = events.page(ApiLists.after(req), limit + 1).stream().map(this::view).toList();
        Json.ok(res, ApiLists.page(found, limit, EventView::id, "/api/v1/events"));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Event e = events.create(Json.read(req, EventInput.class));
        Json.created(res, baseUrl + "/api/v1/events/" + e.id(), view(e));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Json.ok(res, view(events.live(id(req))));
    }

    private void update(ServerRequest req, ServerResponse res) {
        long id = id(req);
        Json.ok(res, view(events.update(id, Json.read(req, EventInput.class))));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        events.delete(id(req));
        Json.noContent(res);
    }
}
