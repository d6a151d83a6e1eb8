package de.offenekommune.node.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestNode;

/** The demo town's projects, events and survey are seeded through the services and show on the pages. */
class DemoProjectsTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("Musterstadt", Map.of("node.demo", "true"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void demoContentIsThere() {
        assertEquals(5, node.sql().count("SELECT count(*) FROM project"));
        assertEquals(2, node.sql().count("SELECT count(*) FROM event"));
        assertEquals(3, node.sql().count("SELECT count(DISTINCT kind) FROM survey_question"));
        assertEquals(2, node.sql().count("SELECT count(*) FROM survey_response"));
        assertTrue(node.sql().count("SELECT count(*) FROM project_news") >= 5);

        Document home = Jsoup.parse(node.browser().get("/").body());
        var current = home.select("ul.ok-cards h3").eachText();
        assertEquals("Neugestaltung Marktplatz", current.getFirst(), "participation first: " + current);
        assertTrue(current.contains("Bebauungsplan Nr. 42 „Am Mühlbach“"));
        assertTrue(home.text().contains("Bürgerversammlung zur Neugestaltung des Marktplatzes"));

        assertEquals(1, Jsoup.parse(node.browser().get("/projekte?phase=auswertung").body()).select("li.ok-card").size());
        Document marktplatz = Jsoup.parse(node.browser().get("/projekte/neugestaltung-marktplatz").body());
        assertTrue(marktplatz.text().contains("Wie soll der neue Marktplatz werden?"));
        assertEquals("Kommentare (3)", marktplatz.selectFirst("h2#kommentare").text(), "a discussion on the project");
        assertEquals(1, node.sql().count("SELECT count(*) FROM comment WHERE target_kind = 'news'"));
        assertEquals(200, node.browser().get("/projekte/bebauungsplan-nr-42-am-muehlbach").status());
        assertEquals(200, node.browser().get("/termine.ics").status());
    }
}
