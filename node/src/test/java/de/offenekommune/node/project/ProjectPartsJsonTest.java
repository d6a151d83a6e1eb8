package de.offenekommune.node.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * The project page reads phases and links as JSON inside the project's statement: they must come
 * back exactly as the separate queries return them (order, empty and odd texts, dates).
 */
class ProjectPartsJsonTest {
    private static TestNode node;
    private static TestContent content;

    @BeforeAll
    static void start() {
        node = TestNode.start("Jsonstadt", Map.of());
        content = new TestContent(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void phasesAndLinksReadAsJsonEqualTheirOwnQueries() {
        Project p = content.project("Brücke am Mühlbach");
        node.sql().update("""
                INSERT INTO project_phase (project_id, kind, title, description, starts_on, ends_on) VALUES
                  (?, 'EVALUATION', '', 'Zeilen\nund "Zitate" \\\\ mit Emoji 😀', '2031-03-01', '2031-03-31'),
                  (?, 'INFORMATION', 'Auftakt „Bürgerforum“', '', '2030-01-01', '2030-12-31'),
                  (?, 'PARTICIPATION', 'Gleicher Start', 'b', '2031-03-01', '2031-04-30')""", p.id(), p.id(), p.id());
        node.sql().update("""
                INSERT INTO project_link (project_id, title, url, position) VALUES
                  (?, 'Plan (PDF) <b>', 'https://example.org/plan.pdf?a=1&b=ä', 2),
                  (?, 'Protokoll', 'http://example.org/p', 1),
                  (?, 'Zweites mit gleicher Position', 'https://example.org/z', 1)""", p.id(), p.id(), p.id());
        ProjectPartsRepository parts = new ProjectPartsRepository();
        ProjectRepository.WithParts found = new ProjectRepository().bySlugWithParts(node.sql(), p.slug()).orElseThrow();
        assertEquals(p.id(), found.project().id());
        assertEquals(parts.phases(node.sql(), p.id()), found.phases());
        assertEquals(parts.links(node.sql(), p.id()), found.links());
        assertEquals(3, found.phases().size());
        assertEquals("Auftakt „Bürgerforum“", found.phases().getFirst().title());
        assertEquals(List.of("Protokoll", "Zweites mit gleicher Position", "Plan (PDF) <b>"),
                found.links().stream().map(ProjectLink::title).toList());
        assertTrue(node.browser().get(p.path()).body().contains("Auftakt „Bürgerforum“"));
    }

    @Test
    void aProjectWithoutPartsHasEmptyLists() {
        Project p = content.project("Leeres Projekt");
        ProjectRepository.WithParts found = new ProjectRepository().bySlugWithParts(node.sql(), p.slug()).orElseThrow();
        assertEquals(List.of(), found.phases());
        assertEquals(List.of(), found.links());
        assertTrue(new ProjectRepository().bySlugWithParts(node.sql(), "gibt-es-nicht").isEmpty());
    }
}
