package de.offenekommune.node.home;

import static de.offenekommune.node.testing.TestContent.phase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/** The home page lists running projects (participation first) and the next events. */
class HomePageTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start("Startstadt");
        TestContent content = new TestContent(node);
        content.project("Information läuft", "OTHER", List.of(),
                List.of(phase("INFORMATION", TODAY.minusDays(3), TODAY.plusDays(3))));
        content.project("Beteiligung läuft", "OTHER", List.of(),
                List.of(phase("PARTICIPATION", TODAY.minusDays(3), TODAY.plusDays(30))));
        content.project("Beteiligung endet bald", "OTHER", List.of(),
                List.of(phase("PARTICIPATION", TODAY.minusDays(30), TODAY.plusDays(1))));
        content.project("Schon vorbei", "OTHER", List.of(),
                List.of(phase("IMPLEMENTATION", TODAY.minusDays(300), TODAY.minusDays(1))));
        content.project("Ohne Phasen");
        content.event(null, "Bürgerversammlung", Instant.now().plus(Duration.ofDays(2)),
                Instant.now().plus(Duration.ofDays(2)).plus(Duration.ofHours(2)));
        content.event(null, "Längst vergangen", Instant.now().minus(Duration.ofDays(2)),
                Instant.now().minus(Duration.ofDays(2)).plus(Duration.ofHours(2)));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void listsCurrentProjectsParticipationFirstAndUpcomingEvents() {
        Document home = Jsoup.parse(node.browser().get("/").body());
        assertEquals(1, home.select("h1").size());
        assertEquals(List.of("Beteiligung endet bald", "Beteiligung läuft", "Information läuft"),
                home.select("ul.ok-cards h3").eachText());
        assertTrue(home.select("ul.ok-events").text().contains("Bürgerversammlung"));
        assertFalse(home.text().contains("Längst vergangen"));
        assertFalse(home.text().contains("Schon vorbei"));
        assertEquals("/termine.ics", home.selectFirst("link[type=text/calendar]").attr("href"));
        assertEquals("/projekte", home.selectFirst("a:contains(Alle Projekte ansehen)").attr("href"));
    }

    @Test
    void englishVisitorsGetEnglishTexts() {
        String body = new de.offenekommune.node.testing.TestBrowserFactory().at(node.baseUrl()).get("/").body();
        assertTrue(body.contains("Aktuelle Projekte"), "German by default");
        var client = java.net.http.HttpClient.newHttpClient();
        try {
            String en = client.send(java.net.http.HttpRequest.newBuilder(node.baseUrl().resolve("/"))
                    .header("Accept-Language", "en").header("Accept", "text/html").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(en.contains("Current projects") && en.contains("Upcoming events"), en);
            assertTrue(en.contains("Phase: Participation"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
