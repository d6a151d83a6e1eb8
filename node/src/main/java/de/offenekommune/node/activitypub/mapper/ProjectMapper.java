package de.offenekommune.node.activitypub.mapper;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.project.Phase;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.Messages;

/**
 * Projects as {@code Page}s: Mastodon shows {@code name}, {@code summary} and a link to {@code url};
 * the description is the {@code content}. Attributed to the town, in the project's group
 * ({@code audience}, FEP-1b12); topics become hashtags, the place a {@code Place}, the phases and
 * kind extension terms.
 */
public final class ProjectMapper {
    private final NodeUris uris;
    private final Messages msg;

    public ProjectMapper(NodeUris uris, Messages msg) {
        this.uris = uris;
        this.msg = msg;
    }

    public ApObject toPage(Project p, List<Phase> phases) {
        String town = uris.town();
        String group = uris.group(p.slug());
        if (p.deleted()) {
            return Tombstones.deleted(uris.project(p.slug()), "Page", town, group, p.deletedAt());
        }
        ObjectNode page = ActivityJson.newObject().put("id", uris.project(p.slug())).put("type", "Page")
                .put("name", p.title()).put("summary", p.summary()).put("content", p.descriptionHtml())
                .put("mediaType", "text/html").put("url", uris.project(p.slug()))
                .put("attributedTo", town).put("audience", group)
                .put("published", AsText.time(p.createdAt())).put("updated", AsText.time(p.updatedAt()));
        Addressing.publicly(page, town, group, List.of());
        ArrayNode tags = page.putArray("tag");
        for (Topic t : p.topics()) {
            tags.add(hashtag(msg.get("topic." + t.name()), uris.projectsWithTopic(t.code())));
        }
        if (p.hasLocation()) {
            page.set("location", place(p.locationName(), p.latitude(), p.longitude()));
        }
        if (!phases.isEmpty()) {
            page.put("startTime", phases.getFirst().startsOn().toString());
            page.put("endTime", phases.stream().map(Phase::endsOn).max(java.util.Comparator.naturalOrder())
                    .orElseThrow().toString());
            ArrayNode list = page.putArray("phases");
            for (Phase ph : phases) {
                list.addObject().put("type", "Phase").put("phaseKind", ph.kind().name().toLowerCase(Locale.ROOT))
                        .put("name", ph.hasTitle() ? ph.title() : msg.get("phase.kind." + ph.kind().name()))
                        .put("startTime", ph.startsOn().toString()).put("endTime", ph.endsOn().toString());
            }
        }
        page.put("projectKind", p.kind().name().toLowerCase(Locale.ROOT));
        if (p.department() != null && !p.department().isBlank()) {
            page.put("department", p.department());
        }
        page.put("replies", uris.project(p.slug()) + "/kommentare");
        return new ApObject(page.get("id").asText(), "Page", town, group, List.of(), page, null);
    }

    static ObjectNode hashtag(String label, String href) {
        String name = "#" + label.replaceAll("[^\\p{L}\\p{N}_]", "");
        return ActivityJson.newObject().put("type", "Hashtag").put("name", name).put("href", href);
    }

    static ObjectNode place(String name, Double latitude, Double longitude) {
        ObjectNode place = ActivityJson.newObject().put("type", "Place");
        if (name != null && !name.isBlank()) {
            place.put("name", name);
        }
        if (latitude != null && longitude != null) {
            place.put("latitude", latitude).put("longitude", longitude);
        }
        return place;
    }
}
