package de.offenekommune.node.project;

import static de.offenekommune.node.testing.TestContent.phase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/** The public project list (filters, keyset paging), the project page and news pages, over real HTTP. */
class ProjectPagesTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    private static TestNode node;
    private static TestContent content;
    private static Project marktplatz;
    private static Project bebauungsplan;
    private static Project radverkehr;

    @BeforeAll
    static void start() {
        node = TestNode.start("Projektstadt");
        content = new TestContent(node);
        marktplatz = content.project("Neugestaltung Marktplatz", "CONSTRUCTION", List.of("BUILDING", "TRANSPORT"),
                List.of(phase("INFORMATION", TODAY.minusDays(60), TODAY.minusDays(31)),
                        phase("PARTICIPATION", TODAY.minusDays(30), TODAY.plusDays(30)),
                        phase("IMPLEMENTATION", TODAY.plusDays(31), TODAY.plusDays(400))));
        bebauungsplan = content.project("Bebauungsplan Nr. 42 Am Mühlbach", "PLANNING", List.of("BUILDING"),
                List.of(phase("INFORMATION", TODAY.minusDays(5), TODAY.plusDays(20))));
        radverkehr = content.project("Radverkehrskonzept 2030", "OTHER", List.of("TRANSPORT", "ENVIRONMENT"),
                List.of(phase("EVALUATION", TODAY.minusDays(10), TODAY.plusDays(10))));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static List<String> titles(Document page) {
        return page.select("ul.ok-cards h2 a").eachText();
    }

    private static Document get(String path) {
        TestBrowser.Response r = node.browser().get(path);
        assertEquals(200, r.status(), path + ": " + r.body());
        return Jsoup.parse(r.body());
    }

    @Test
    void listFiltersByPhaseTopicAndKind() {
        assertEquals(List.of(bebauungsplan.title(), marktplatz.title()), titles(get("/projekte?thema=bauen")));

        assertEquals(List.of(marktplatz.title()), titles(get("/projekte?phase=beteiligung")));
        assertEquals(List.of(bebauungsplan.title()), titles(get("/projekte?phase=information")));
        assertEquals(List.of(radverkehr.title(), marktplatz.title()), titles(get("/projekte?thema=verkehr")));
        assertEquals(List.of(bebauungsplan.title()), titles(get("/projekte?art=bauleitplanung")));
        assertEquals(List.of(radverkehr.title()), titles(get("/projekte?thema=verkehr&phase=auswertung")));
        assertEquals(List.of(), titles(get("/projekte?thema=kultur")));

        Document filtered = get("/projekte?thema=verkehr");
        assertEquals("verkehr", filtered.selectFirst("select#thema option[selected]").val(), "the filter stays chosen");
        Element card = filtered.select("li.ok-card").stream()
                .filter(li -> li.text().contains(marktplatz.title())).findFirst().orElseThrow();
        assertTrue(card.text().contains("Phase: Beteiligung"), card.text());
        assertTrue(card.text().contains("Verkehr"), card.text());

        assertEquals(400, node.browser().get("/projekte?thema=unbekannt").status());
        assertEquals(400, node.browser().get("/projekte?phase=xyz").status());
        assertEquals(400, node.browser().get("/projekte?nach=abc").status());
    }

    /** 21 projects of one topic: 20 on the first page, one on the second, each exactly once. */
    @Test
    void keysetPagingAcrossThePageBoundary() {
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= ProjectPages.PAGE_SIZE + 1; i++) {
            created.add(content.project("Sportstätte " + i, "OTHER", List.of("SPORT"), List.of()).title());
        }
        Document first = get("/projekte?thema=sport");
        List<String> page1 = titles(first);
        assertEquals(ProjectPages.PAGE_SIZE, page1.size());
        assertEquals("Sportstätte 21", page1.getFirst(), "newest first");
        Element next = first.selectFirst("a[rel=next]");
        assertNotNull(next, "a link to the next page");
        assertTrue(next.attr("href").startsWith("/projekte?thema=sport&nach="), next.attr("href"));

        Document second = get(next.attr("href"));
        List<String> page2 = titles(second);
        assertEquals(List.of("Sportstätte 1"), page2);
        assertNull(second.selectFirst("a[rel=next]"), "the last page has no next link");

        Set<String> seen = new HashSet<>(page1);
        seen.addAll(page2);
        assertEquals(new HashSet<>(created), seen);
        assertEquals(created.size(), page1.size() + page2.size(), "no project twice");
    }

    @Test
    void exactlyOnePageHasNoNextLink() {
        for (int i = 1; i <= ProjectPages.PAGE_SIZE; i++) {
            content.project("Haushaltsposten " + i, "BUDGET", List.of("ECONOMY"), List.of());
        }
        Document page = get("/projekte?art=haushalt");
        assertEquals(ProjectPages.PAGE_SIZE, titles(page).size());
        assertNull(page.selectFirst("a[rel=next]"));
    }

    @Test
    void projectPageShowsPhasesDescriptionLinksNewsEventsAndSurveys() {
        Project p = node.components().projects().create(new ProjectInput("CONSTRUCTION", "Sanierung Grundschule Lindenweg",
                "Die Grundschule wird saniert.", "## Was passiert\n\nNeue **Fenster**.<script>alert(1)</script>",
                "Grundschule Lindenweg", 51.5, 9.25, List.of("EDUCATION"), "Hochbauamt",
                List.of(phase("INFORMATION", TODAY.minusDays(100), TODAY.minusDays(50)),
                        phase("IMPLEMENTATION", TODAY.minusDays(49), TODAY.plusDays(100))),
                List.of(new ProjectInput.LinkInput("Bauzeitenplan (PDF)", "https://musterstadt.example/plan.pdf"))));
        content.news(p, "Gerüst steht", Instant.now().minus(Duration.ofDays(2)));
        content.news(p, "Geplante Meldung", Instant.now().plus(Duration.ofDays(5)));
        content.event(p, "Baustellenführung", Instant.now().plus(Duration.ofDays(3)),
                Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(2)));
        content.survey(p, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(10)), "AFTER_VOTING");

        assertEquals("/projekte/sanierung-grundschule-lindenweg", p.path());
        Document page = get(p.path());
        assertEquals(1, page.select("h1").size());
        assertEquals("Sanierung Grundschule Lindenweg", page.selectFirst("h1").text());
        assertTrue(page.text().contains("Die Grundschule wird saniert."));
        assertTrue(page.text().contains("Hochbauamt"));

        List<Element> phases = page.select("ol.ok-timeline > li");
        assertEquals(2, phases.size());
        assertEquals("", phases.get(0).attr("aria-current"));
        assertEquals("step", phases.get(1).attr("aria-current"), "the phase running today is marked");
        assertTrue(phases.get(1).text().contains("Umsetzung") && phases.get(1).text().contains("aktuelle Phase"));
        assertTrue(phases.get(0).text().contains("abgeschlossen"));

        Element prose = page.selectFirst("div.ok-prose");
        assertEquals("Was passiert", prose.selectFirst("h2").text());
        assertEquals("Fenster", prose.selectFirst("strong").text());
        assertTrue(page.select("script").isEmpty(), "raw HTML in Markdown never reaches the page");

        assertEquals("https://musterstadt.example/plan.pdf", page.selectFirst("a:contains(Bauzeitenplan)").attr("href"));
        assertTrue(page.text().contains("Grundschule Lindenweg"));
        assertTrue(page.text().contains("51.500000, 9.250000"), page.text());
        assertTrue(page.text().contains("Gerüst steht"));
        assertFalse(page.text().contains("Geplante Meldung"), "scheduled news stays hidden until published");
        assertTrue(page.text().contains("Baustellenführung"));
        assertTrue(page.text().contains("Umfrage Sanierung Grundschule Lindenweg"));
        assertEquals(p.path() + "/feed.atom", page.selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href"));
        assertTrue(page.select("a:contains(Projekt bearbeiten)").isEmpty(), "no staff links for visitors");
    }

    @Test
    void newsPageAndItsErrors() {
        Project p = content.project("Neuer Spielplatz Am Anger");
        var published = content.news(p, "Spielgeräte bestellt", Instant.now().minusSeconds(60));
        var scheduled = content.news(p, "Eröffnung", Instant.now().plus(Duration.ofDays(3)));
        Document page = get(published.path());
        assertEquals("Spielgeräte bestellt", page.selectFirst("h1").text());
        assertEquals("/projekte/neuer-spielplatz-am-anger/neuigkeiten/" + published.id(), published.path());
        assertEquals(404, node.browser().get(scheduled.path()).status(), "not yet published");
        assertEquals(404, node.browser().get("/projekte/" + marktplatz.slug() + "/neuigkeiten/" + published.id()).status(),
                "under another project's URL");
        assertEquals(404, node.browser().get(p.path() + "/neuigkeiten/abc").status());

        Document list = get(p.path() + "/neuigkeiten");
        assertEquals(List.of("Spielgeräte bestellt"), list.select("ul.ok-news h2").eachText());

        node.components().news().delete(published.id());
        assertEquals(410, node.browser().get(published.path()).status());
    }

    @Test
    void deletedProjectIsGoneAndUnknownIsNotFound() {
        Project p = content.project("Abgesagtes Vorhaben");
        assertEquals(200, node.browser().get(p.path()).status());
        node.components().projects().delete(p.id());
        TestBrowser.Response gone = node.browser().get(p.path());
        assertEquals(410, gone.status());
        assertTrue(gone.body().contains("Dieser Inhalt wurde gelöscht."), gone.body());
        assertFalse(titles(get("/projekte")).contains("Abgesagtes Vorhaben"));
        assertEquals(404, node.browser().get("/projekte/gibt-es-nicht").status());
        assertEquals(410, node.browser().get(p.path() + "/feed.atom").status());
    }

    @Test
    void slugsAreUniqueAndTransliterated() {
        Project a = content.project("Straße über die Brücke");
        Project b = content.project("Straße über die Brücke");
        assertEquals("strasse-ueber-die-bruecke", a.slug());
        assertEquals("strasse-ueber-die-bruecke-2", b.slug());
        assertEquals(200, node.browser().get(b.path()).status());
    }
}
