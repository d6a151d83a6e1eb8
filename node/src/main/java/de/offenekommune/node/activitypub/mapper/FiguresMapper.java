package de.offenekommune.node.activitypub.mapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.region.ParticipationFigures;

/**
 * A town's participation figures as a {@code ParticipationFigures} document at
 * {@code <town actor>/kennzahlen}, and back: the region reads its members' documents (fetched from
 * their origin, so only the town itself can state its figures).
 */
public final class FiguresMapper {
    public static final String TYPE = "ParticipationFigures";
    static final int MAX_VALUE = 100_000_000;

    private FiguresMapper() {
    }

    public static String documentId(String townActor) {
        return townActor + "/kennzahlen";
    }

    /** @param ags the town's key, or empty */
    public static ObjectNode toDocument(String townActor, String ags, ParticipationFigures f) {
        ObjectNode doc = ActivityJson.newObject().put("id", documentId(townActor)).put("type", TYPE)
                .put("attributedTo", townActor);
        if (ags != null && !ags.isBlank()) {
            doc.put("ags", ags);
        }
        doc.put("published", AsText.time(f.generatedAt())).put("openProjects", f.projectsOpen());
        ArrayNode periods = doc.putArray("periods");
        for (ParticipationFigures.Period p : new ParticipationFigures.Period[] {f.last30(), f.last365()}) {
            periods.addObject().put("type", "FiguresPeriod").put("days", p.days()).put("proposals", p.proposals())
                    .put("supports", p.supports()).put("comments", p.comments())
                    .put("surveyResponses", p.surveyResponses());
        }
        return doc;
    }

    /** The figures a member published, if the document is its own and complete. */
    public static Optional<ParticipationFigures> fromDocument(String townActor, AsObject o) {
        JsonNode json = o.json();
        if (!TYPE.equals(o.type()) || !documentId(townActor).equals(o.id()) || o.attributedTo().size() != 1
                || !townActor.equals(o.attributedTo().getFirst())) {
            return Optional.empty();
        }
        Optional<Instant> generated = time(o.published());
        Integer open = count(json.get("openProjects"));
        ParticipationFigures.Period d30 = null;
        ParticipationFigures.Period d365 = null;
        for (JsonNode p : json.path("periods")) {
            Integer days = count(p.get("days"));
            ParticipationFigures.Period period = period(p, days);
            if (period != null && days == 30) {
                d30 = period;
            } else if (period != null && days == 365) {
                d365 = period;
            }
        }
        if (generated.isEmpty() || open == null || d30 == null || d365 == null) {
            return Optional.empty();
        }
        return Optional.of(new ParticipationFigures(generated.get(), open, d30, d365));
    }

    private static ParticipationFigures.Period period(JsonNode p, Integer days) {
        Integer proposals = count(p.get("proposals"));
        Integer supports = count(p.get("supports"));
        Integer comments = count(p.get("comments"));
        Integer responses = count(p.get("surveyResponses"));
        if (days == null || proposals == null || supports == null || comments == null || responses == null) {
            return null;
        }
        return new ParticipationFigures.Period(days, proposals, supports, comments, responses);
    }

    private static Integer count(JsonNode v) {
        return v != null && v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 0 && v.asInt() <= MAX_VALUE
                ? v.asInt() : null;
    }

    private static Optional<Instant> time(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
