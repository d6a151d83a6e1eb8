package de.offenekommune.node.activitypub.mapper;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.event.Event;
import de.offenekommune.node.web.Page;

/**
 * Events as Mobilizon reads them: {@code startTime}/{@code endTime}, a {@code Place} with a postal
 * address, the {@code timezone}; participation happens on our page ({@code joinMode: external}),
 * since public meetings need no registration.
 */
public final class EventMapper {
    private final NodeUris uris;

    public EventMapper(NodeUris uris) {
        this.uris = uris;
    }

    public ApObject toEvent(Event e) {
        String id = uris.event(e.id());
        String town = uris.town();
        String group = e.hasProject() ? uris.group(e.projectSlug()) : null;
        if (e.deleted()) {
            return Tombstones.deleted(id, "Event", town, group, e.deletedAt());
        }
        ObjectNode ev = ActivityJson.newObject().put("id", id).put("type", "Event").put("name", e.title());
        if (e.summary() != null && !e.summary().isBlank()) {
            ev.put("summary", e.summary());
        }
        ev.put("content", e.descriptionHtml()).put("mediaType", "text/html").put("url", id)
                .put("attributedTo", town);
        if (group != null) {
            ev.put("audience", group).put("context", uris.project(e.projectSlug()));
        }
        ev.put("startTime", AsText.time(e.startsAt())).put("endTime", AsText.time(e.endsAt()))
                .put("timezone", Page.ZONE.getId())
                .put("published", AsText.time(e.createdAt())).put("updated", AsText.time(e.updatedAt()));
        ObjectNode place = ProjectMapper.place(e.placeName(), e.latitude(), e.longitude());
        if (e.placeAddress() != null && !e.placeAddress().isBlank()) {
            place.putObject("address").put("type", "PostalAddress").put("streetAddress", e.placeAddress());
        }
        ev.set("location", place);
        ev.put("joinMode", "external").put("externalParticipationUrl", id)
                .put("anonymousParticipationEnabled", false).put("isOnline", false);
        Addressing.publicly(ev, town, group, List.of());
        return new ApObject(id, "Event", town, group, List.of(), ev, null);
    }
}
