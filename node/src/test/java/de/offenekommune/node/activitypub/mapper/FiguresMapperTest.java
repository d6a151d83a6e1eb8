package de.offenekommune.node.activitypub.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.federation.vocab.Vocabulary;
import de.offenekommune.node.region.ParticipationFigures;

/** A town's figures document round-trips; documents of other actors, incomplete or implausible ones are refused. */
class FiguresMapperTest {
    static final String TOWN = "https://adorf.example/kommune";
    static final ParticipationFigures FIGURES = new ParticipationFigures(Instant.parse("2025-05-04T10:00:00Z"), 3,
            new ParticipationFigures.Period(30, 2, 5, 7, 1), new ParticipationFigures.Period(365, 9, 40, 55, 12));

    private static AsObject read(ObjectNode json) {
        return (AsObject) Vocabulary.read((ObjectNode) ActivityJson.parse(ActivityJson.write(json)));
    }

    @Test
    void roundTrip() {
        ObjectNode doc = FiguresMapper.toDocument(TOWN, "09184112", FIGURES);
        assertEquals(TOWN + "/kennzahlen", doc.path("id").asText());
        assertEquals("09184112", doc.path("ags").asText());
        assertEquals(FIGURES, FiguresMapper.fromDocument(TOWN, read(doc)).orElseThrow());
    }

    @Test
    void refused() {
        ObjectNode doc = FiguresMapper.toDocument(TOWN, "", FIGURES);
        assertTrue(FiguresMapper.fromDocument("https://bedorf.example/kommune", read(doc)).isEmpty(),
                "another town's document");
        ObjectNode claimed = doc.deepCopy().put("attributedTo", "https://bedorf.example/kommune");
        assertTrue(FiguresMapper.fromDocument(TOWN, read(claimed)).isEmpty(), "attributed to someone else");
        ObjectNode negative = doc.deepCopy();
        ((ObjectNode) negative.path("periods").get(0)).put("supports", -1);
        assertTrue(FiguresMapper.fromDocument(TOWN, read(negative)).isEmpty());
        ObjectNode text = doc.deepCopy();
        ((ObjectNode) text.path("periods").get(1)).put("comments", "viele");
        assertTrue(FiguresMapper.fromDocument(TOWN, read(text)).isEmpty());
        ObjectNode missing = doc.deepCopy();
        missing.withArray("periods").remove(1);
        assertTrue(FiguresMapper.fromDocument(TOWN, read(missing)).isEmpty(), "the 365-day period is missing");
        ObjectNode huge = doc.deepCopy().put("openProjects", 2_000_000_000L);
        assertTrue(FiguresMapper.fromDocument(TOWN, read(huge)).isEmpty());
        assertTrue(FiguresMapper.fromDocument(TOWN, read(doc.deepCopy().put("type", "Note"))).isEmpty());
        assertTrue(FiguresMapper.fromDocument(TOWN, read(doc.deepCopy().put("published", "gestern"))).isEmpty());
    }
}
