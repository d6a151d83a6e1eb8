package de.offenekommune.node.activitypub.mapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.federation.vocab.JsonValues;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourItem;
import de.offenekommune.node.project.PhaseKind;
import de.offenekommune.node.project.ProjectKind;
import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.HtmlSanitizer;

/**
 * Reads another OffeneKommune town's objects as neighbour items (the reverse of {@link ProjectMapper},
 * {@link ProposalMapper}, {@link SurveyMapper} and {@link EventMapper}): a project is a {@code Page}
 * with {@code projectKind}, a proposal one with {@code proposalStatus}, a survey one with
 * {@code fediverseVotes}, an event an {@code Event}. Topics come from the hashtags' links
 * ({@code ...?thema=verkehr}), phases from {@code phases}, the place from {@code location}.
 * Everything else is not an item. Texts are reduced to plain text; numbers and places are checked.
 */
public final class NeighbourItemMapper {
    static final int MAX_PHASES = 20;
    static final int MAX_PARTS = 50;
    private static final Pattern TOPIC_LINK = Pattern.compile("[?&]thema=([A-Za-z]{1,30})(?:&|$)");

    private NeighbourItemMapper() {
    }

    /**
     * @param neighbourActor the town that published or shared it
     * @param now            the published date when the object has none
     */
    public static Optional<NeighbourItem> fromObject(String neighbourActor, AsObject o, Instant now) {
        ObjectNode json = o.json();
        NeighbourItem.Kind kind = kind(o);
        String author = o.attributedTo().isEmpty() ? null : o.attributedTo().getFirst();
        if (kind == null || author == null || o.name() == null || !Origin.isHttpUrl(o.id())
                || !Origin.sameHost(author, o.id())
                || kind != NeighbourItem.Kind.PROPOSAL && !author.equals(neighbourActor)) {
            return Optional.empty();
        }
        String url = o.url() != null && Origin.isHttpUrl(o.url()) && Origin.sameHost(o.url(), o.id()) ? o.url() : o.id();
        Instant published = time(o.published()).orElse(now);
        Instant updated = time(JsonValues.text(json, "updated")).orElse(published);
        return Optional.of(new NeighbourItem(0, o.id(), neighbourActor, null, author, kind,
                HtmlSanitizer.teaser(HtmlSanitizer.text(o.name()), 300),
                HtmlSanitizer.teaser(HtmlSanitizer.text(o.summary() == null ? "" : o.summary()), 1000), url,
                JsonValues.text(json, "proposalStatus"), count(json, "localSupportCount"),
                count(json, "remoteSupportCount"), count(json, "supportThreshold"), published, updated, null,
                details(kind, o)));
    }

    /** A survey's choice question ({@code Question} with a {@code survey} link): the survey's id, if any. */
    public static Optional<String> surveyOf(AsObject o) {
        String survey = JsonValues.id(o.json().get("survey"));
        return "Question".equals(o.type()) && survey != null && Origin.isHttpUrl(survey)
                && Origin.sameHost(survey, o.id()) ? Optional.of(survey) : Optional.empty();
    }

    static NeighbourItem.Kind kind(AsObject o) {
        JsonNode json = o.json();
        if ("Event".equals(o.type())) {
            return NeighbourItem.Kind.EVENT;
        }
        if (json.has("proposalStatus")) {
            return NeighbourItem.Kind.PROPOSAL;
        }
        if (json.has("projectKind")) {
            return NeighbourItem.Kind.PROJECT;
        }
        return "Page".equals(o.type()) && json.has("fediverseVotes") ? NeighbourItem.Kind.SURVEY : null;
    }

    private static NeighbourItem.Details details(NeighbourItem.Kind kind, AsObject o) {
        JsonNode json = o.json();
        JsonNode location = json.get("location");
        String place = location != null && location.isObject() ? JsonValues.text(location, "name") : null;
        Double lat = location != null ? coordinate(location.get("latitude"), 90) : null;
        Double lon = location != null ? coordinate(location.get("longitude"), 180) : null;
        if (lat == null || lon == null) {
            lat = null;
            lon = null;
        }
        boolean dated = kind == NeighbourItem.Kind.EVENT || kind == NeighbourItem.Kind.SURVEY;
        return new NeighbourItem.Details(projectKind(json), topics(json.get("tag")),
                place == null ? null : HtmlSanitizer.teaser(HtmlSanitizer.text(place), 200), lat, lon,
                dated ? time(JsonValues.text(json, "startTime")).orElse(null) : null,
                dated ? time(JsonValues.text(json, "endTime")).orElse(null) : null,
                kind == NeighbourItem.Kind.SURVEY ? parts(json.get("questions"), o.id()) : List.of(),
                kind == NeighbourItem.Kind.PROJECT ? phases(json.get("phases")) : List.of());
    }

    private static String projectKind(JsonNode json) {
        String value = JsonValues.text(json, "projectKind");
        if (value == null) {
            return null;
        }
        try {
            return ProjectKind.valueOf(value.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            return ProjectKind.OTHER.name();
        }
    }

    private static List<String> topics(JsonNode tags) {
        Set<String> found = new LinkedHashSet<>();
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                String href = tag.isObject() ? JsonValues.text(tag, "href") : null;
                Matcher m = href == null ? null : TOPIC_LINK.matcher(href);
                if (m != null && m.find()) {
                    Topic.parse(m.group(1)).ifPresent(t -> found.add(t.name()));
                }
            }
        }
        return List.copyOf(found);
    }

    private static List<NeighbourItem.Phase> phases(JsonNode list) {
        List<NeighbourItem.Phase> phases = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return phases;
        }
        for (JsonNode p : list) {
            if (phases.size() == MAX_PHASES || !p.isObject()) {
                break;
            }
            try {
                PhaseKind kind = PhaseKind.valueOf(JsonValues.text(p, "phaseKind").toUpperCase(Locale.ROOT));
                LocalDate start = LocalDate.parse(JsonValues.text(p, "startTime"));
                LocalDate end = LocalDate.parse(JsonValues.text(p, "endTime"));
                String name = JsonValues.text(p, "name");
                if (!end.isBefore(start)) {
                    phases.add(new NeighbourItem.Phase(kind, name == null ? ""
                            : HtmlSanitizer.teaser(HtmlSanitizer.text(name), 200), start, end));
                }
            } catch (RuntimeException e) {
                // a phase we cannot read is left out; the project still counts
            }
        }
        return phases;
    }

    private static List<String> parts(JsonNode list, String id) {
        List<String> parts = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode q : list) {
                String part = q.isTextual() ? q.asText() : JsonValues.id(q);
                if (parts.size() < MAX_PARTS && part != null && Origin.isHttpUrl(part) && Origin.sameHost(part, id)) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    private static Double coordinate(JsonNode v, double limit) {
        return v != null && v.isNumber() && Math.abs(v.asDouble()) <= limit ? v.asDouble() : null;
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
}
