package de.offenekommune.node.activitypub.mapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.federation.vocab.Vocabulary;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourItem;
import de.offenekommune.node.project.PhaseKind;

/** Other towns' objects as neighbour items: what is read, and what is refused or cleaned. */
class NeighbourItemMapperTest {
    static final String TOWN = "https://adorf.example/kommune";
    static final Instant NOW = Instant.parse("2025-05-04T10:00:00Z");

    private static AsObject object(String json) {
        return (AsObject) Vocabulary.read((ObjectNode) ActivityJson.parse(json));
    }

    private static String project(String extra) {
        return """
                {"id": "https://adorf.example/projekte/bruecke", "type": "Page", "name": "Neue <b>Brücke</b>",
                 "summary": "Kurz", "url": "https://adorf.example/projekte/bruecke", "attributedTo": "%s",
                 "published": "2025-05-01T08:00:00Z", "projectKind": "construction",
                 "tag": [{"type": "Hashtag", "name": "#Verkehr", "href": "https://adorf.example/projekte?thema=verkehr"},
                         {"type": "Hashtag", "name": "#Alt", "href": "https://adorf.example/vorschlaege?thema=UMWELT"},
                         {"type": "Hashtag", "name": "#X", "href": "https://adorf.example/?thema=unbekannt"}],
                 "location": {"type": "Place", "name": "Aue", "latitude": 48.1, "longitude": 11.7},
                 "phases": [{"type": "Phase", "phaseKind": "participation", "name": "Beteiligung",
                             "startTime": "2025-05-01", "endTime": "2025-06-01"},
                            {"type": "Phase", "phaseKind": "nonsense", "startTime": "2025-06-02", "endTime": "2025-07-01"},
                            {"type": "Phase", "phaseKind": "evaluation", "startTime": "2025-07-01", "endTime": "2025-06-01"}]
                 %s}""".formatted(TOWN, extra);
    }

    @Test
    void aProjectWithTopicsPlaceAndPhases() {
        NeighbourItem i = NeighbourItemMapper.fromObject(TOWN, object(project("")), NOW).orElseThrow();
        assertEquals(NeighbourItem.Kind.PROJECT, i.kind());
        assertEquals("Neue Brücke", i.name(), "names are plain text");
        assertEquals("CONSTRUCTION", i.details().projectKind());
        assertEquals(List.of("TRANSPORT", "ENVIRONMENT"), i.details().topics(), "codes in any case; unknown ones left out");
        assertEquals(48.1, i.details().latitude());
        assertEquals("Aue", i.details().locationName());
        assertEquals(List.of(new NeighbourItem.Phase(PhaseKind.PARTICIPATION, "Beteiligung", LocalDate.parse("2025-05-01"),
                LocalDate.parse("2025-06-01"))), i.details().phases(), "unreadable and backwards phases left out");
        assertEquals(Instant.parse("2025-05-01T08:00:00Z"), i.publishedAt());
    }

    @Test
    void refusedOrCleaned() {
        // another town's project, even when a neighbour relays it
        assertTrue(NeighbourItemMapper.fromObject("https://bedorf.example/kommune", object(project("")), NOW).isEmpty());
        // attributed to an actor on another host than its id
        assertTrue(NeighbourItemMapper.fromObject(TOWN, object(project("").replace("\"attributedTo\": \"" + TOWN,
                "\"attributedTo\": \"https://evil.example/kommune")), NOW).isEmpty());
        // a place outside the globe, a url on another host, a kind we do not know
        NeighbourItem odd = NeighbourItemMapper.fromObject(TOWN, object(project("").replace("48.1", "148.1")
                .replace("\"url\": \"https://adorf.example/projekte/bruecke\"", "\"url\": \"javascript:alert(1)\"")
                .replace("construction", "bridge")), NOW).orElseThrow();
        assertNull(odd.details().latitude());
        assertNull(odd.details().longitude());
        assertEquals("https://adorf.example/projekte/bruecke", odd.url(), "the id, not a foreign or script URL");
        assertEquals("OTHER", odd.details().projectKind());
        // not one of our kinds of object
        assertTrue(NeighbourItemMapper.fromObject(TOWN, object("""
                {"id": "https://adorf.example/notes/1", "type": "Note", "name": "x", "attributedTo": "%s"}"""
                .formatted(TOWN)), NOW).isEmpty());
    }

    @Test
    void surveysEventsAndQuestions() {
        NeighbourItem survey = NeighbourItemMapper.fromObject(TOWN, object("""
                {"id": "https://adorf.example/umfragen/3", "type": "Page", "name": "Umfrage", "attributedTo": "%s",
                 "startTime": "2025-05-01T08:00:00Z", "endTime": "2025-05-20T08:00:00Z", "fediverseVotes": true,
                 "questions": ["https://adorf.example/umfragen/3/fragen/7", "https://evil.example/fragen/1"]}"""
                .formatted(TOWN)), NOW).orElseThrow();
        assertEquals(NeighbourItem.Kind.SURVEY, survey.kind());
        assertEquals(List.of("https://adorf.example/umfragen/3/fragen/7"), survey.details().partIds());
        assertEquals(Instant.parse("2025-05-20T08:00:00Z"), survey.details().endsAt());
        NeighbourItem event = NeighbourItemMapper.fromObject(TOWN, object("""
                {"id": "https://adorf.example/termine/4", "type": "Event", "name": "Versammlung", "attributedTo": "%s",
                 "startTime": "2025-05-10T17:00:00Z", "location": {"type": "Place", "latitude": 48, "longitude": 11}}"""
                .formatted(TOWN)), NOW).orElseThrow();
        assertEquals(NeighbourItem.Kind.EVENT, event.kind());
        assertEquals(Instant.parse("2025-05-10T17:00:00Z"), event.details().startsAt());
        assertEquals(NOW, event.publishedAt(), "no published date: when we got it");
        AsObject question = object("""
                {"id": "https://adorf.example/umfragen/3/fragen/7", "type": "Question", "name": "Frage?",
                 "attributedTo": "%s", "survey": "https://adorf.example/umfragen/3"}""".formatted(TOWN));
        assertEquals("https://adorf.example/umfragen/3", NeighbourItemMapper.surveyOf(question).orElseThrow());
        assertTrue(NeighbourItemMapper.surveyOf(object("""
                {"id": "https://adorf.example/umfragen/3/fragen/7", "type": "Question", "name": "Frage?",
                 "attributedTo": "%s", "survey": "https://evil.example/umfragen/3"}""".formatted(TOWN))).isEmpty());
    }
}
