package de.offenekommune.node.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.comment.CommentService;
import de.offenekommune.node.moderation.ModerationRepository.Action;
import de.offenekommune.node.project.News;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * The search page over real HTTP: German stemming and umlauts, what must not be found (hidden,
 * deleted, on deleted pages), snippets that stay text, paging, bad input, and a fixed number of
 * statements per page whatever the number of matches.
 */
class SearchPagesTest {
    private static TestNode node;
    private static Fixtures.Cast cast;
    private static long radweg;
    private static long script;
    private static Project park;
    private static News parkNews;
    private static long visibleComment;

    @BeforeAll
    static void start() {
        node = TestNode.startCounting("Suchstadt", Map.of());
        cast = Fixtures.musterstadt(node);
        TestContent content = new TestContent(node);
        CommentService comments = node.components().participation().comments();
        var moderation = node.components().participation().moderation();

        radweg = Fixtures.proposal(node, cast.anna(), "Sicherer Radweg an der Bahnhofstraße", cast.bauamt());
        script = Fixtures.proposal(node, cast.ben(), "<script>alert(1)</script> Brunnen am Markt", cast.bauamt());
        park = content.project("Neue Grünflächen im Stadtpark");
        parkNews = content.news(park, "Baubeginn im Stadtpark", Instant.now().minusSeconds(60));
        visibleComment = comments.add(cast.carla(), "proposal", radweg, null,
                "Der Radweg braucht auch eine **Ampel** & mehr Licht.").id();
        comments.add(cast.carla(), "project", park.id(), null, "Bitte mehr Sitzbänke aufstellen.");
        comments.add(cast.dora(), "news", parkNews.id(), null, "Wann ist der Baubeginn der Spielgeräte?");

        // Everything with "Laternenmast" must stay unfindable: hidden, deleted, or on a page that is gone.
        long hidden = comments.add(cast.ben(), "proposal", radweg, null, "Laternenmast eins (versteckt)").id();
        moderation.decide(cast.staff(), "comment", hidden, Action.HIDE, "Beleidigung");
        long deleted = comments.add(cast.ben(), "proposal", radweg, null, "Laternenmast zwei (gelöscht)").id();
        comments.delete(cast.ben(), deleted);
        long hiddenProposal = Fixtures.proposal(node, cast.dora(), "Laternenmast drei am Rathaus", cast.bauamt());
        moderation.decide(cast.staff(), "proposal", hiddenProposal, Action.HIDE, "Werbung");
        Project gone = content.project("Laternenmast vier im alten Projekt");
        comments.add(cast.dora(), "project", gone.id(), null, "Laternenmast fünf auf der gelöschten Seite");
        node.components().projects().delete(gone.id());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String search(String q) {
        return "/suche?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static Document page(String path) {
        TestBrowser.Response r = node.browser().get(path);
        assertEquals(200, r.status(), path + "\n" + r.body());
        return Jsoup.parse(r.body());
    }

    private static List<String> hrefs(Document d) {
        return d.select("ol.ok-search-results h3 a").eachAttr("href");
    }

    @Test
    void germanStemmingFindsOtherFormsOfAWord() {
        Document d = page(search("Radwege"));
        List<String> found = hrefs(d);
        assertTrue(found.contains("/vorschlaege/" + radweg), found.toString());
        assertTrue(found.contains("/vorschlaege/" + radweg + "#kommentar-" + visibleComment), found.toString());
        assertEquals("Radweg", d.selectFirst("a[href=/vorschlaege/" + radweg + "] mark").text(),
                "the word is marked in the title");
        assertEquals("Sicherer Radweg an der Bahnhofstraße",
                d.selectFirst("a[href=/vorschlaege/" + radweg + "]").text());
        Element comment = d.selectFirst("a[href=/vorschlaege/" + radweg + "#kommentar-" + visibleComment + "]");
        assertEquals("Kommentar von Carla Klein zu „Sicherer Radweg an der Bahnhofstraße“", comment.text());
        String snippet = comment.closest("article").selectFirst("p.ok-snippet").text();
        assertEquals("Der Radweg braucht auch eine Ampel & mehr Licht.", snippet,
                "Markdown rendered to text, entities decoded");
    }

    @Test
    void umlautsAndCompoundInflectionsMatch() {
        assertTrue(hrefs(page(search("Grünfläche"))).contains(park.path()));
        assertTrue(hrefs(page(search("GRÜNFLÄCHEN"))).contains(park.path()), "case does not matter");
        List<String> benches = hrefs(page(search("Sitzbank")));
        assertEquals(1, benches.size(), benches.toString());
        assertTrue(benches.getFirst().startsWith(park.path() + "#kommentar-"), "a comment on the project page");
        List<String> news = hrefs(page(search("Spielgerät")));
        assertTrue(news.getFirst().startsWith(parkNews.path() + "#kommentar-"), "a comment on a news post: " + news);
    }

    @Test
    void hiddenDeletedAndOrphanedContentIsNotFound() {
        Document anonymous = page(search("Laternenmast"));
        assertEquals(List.of(), hrefs(anonymous));
        assertTrue(anonymous.text().contains("Nichts gefunden für „Laternenmast“"), anonymous.text());
        TestBrowser staff = node.browser().signIn(cast.staff().email(), Fixtures.PASSWORD);
        assertEquals(List.of(), hrefs(Jsoup.parse(staff.get(search("Laternenmast")).body())),
                "staff search the public view too");
        assertEquals("Alle (0)", anonymous.selectFirst("nav.ok-search-kinds li").text());
    }

    @Test
    void snippetsAndTitlesAreTextOnlyTheMarksAreMarkup() {
        TestBrowser.Response r = node.browser().get(search("Brunnen"));
        assertFalse(r.body().contains("<script>alert"), "no script from a title reaches the page");
        assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), r.body());
        Document d = Jsoup.parse(r.body());
        Element link = d.selectFirst("a[href=/vorschlaege/" + script + "]");
        assertEquals("<script>alert(1)</script> Brunnen am Markt", link.text());
        Set<String> tags = new LinkedHashSet<>();
        d.select("ol.ok-search-results *").forEach(e -> tags.add(e.tagName()));
        assertEquals(Set.of("li", "article", "p", "span", "h3", "a", "mark", "time"), tags);
    }

    @Test
    void severalWordsMeanAllOfThemOderMeansOne() {
        assertEquals(List.of(), hrefs(page(search("Radweg Brunnen"))));
        List<String> either = hrefs(page(search("Radweg oder Brunnen")));
        assertTrue(either.contains("/vorschlaege/" + radweg) && either.contains("/vorschlaege/" + script), either.toString());
        List<String> without = hrefs(page(search("Radweg -Ampel")));
        assertTrue(without.contains("/vorschlaege/" + radweg), without.toString());
        assertFalse(without.stream().anyMatch(h -> h.contains("#kommentar-")), "the comment with Ampel is excluded");
    }

    @Test
    void emptyTooLongAndMalformedSearchesAreClearAnswers() {
        Document form = page("/suche");
        assertNotNull(form.selectFirst("form[role=search] input#q[name=q]"));
        assertNull(form.selectFirst("ol.ok-search-results"));
        assertEquals(1, form.select("form[role=search]").size(), "the header field is not repeated on /suche");

        TestBrowser browser = node.browser();
        TestBrowser.Response empty = browser.get("/suche?q=+++");
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("Bitte geben Sie einen Suchbegriff ein."), empty.body());
        assertTrue(empty.body().contains("aria-invalid=\"true\""));
        TestBrowser.Response tooLong = browser.get(search("Radweg ".repeat(40)));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("Der Suchbegriff darf höchstens 200 Zeichen haben."));
        for (String bad : List.of("/suche?q=Radweg&art=alles", "/suche?q=Radweg&nach=abc",
                "/suche?q=Radweg&nach=0.5_7_1", "/suche?q=Radweg&nach=0.5_2_" + "9".repeat(30))) {
            TestBrowser.Response r = browser.get(bad);
            assertEquals(400, r.status(), bad);
            assertTrue(r.body().contains("Diese Auswahl gibt es nicht."), bad);
        }
        Document stopWords = page(search("der die das"));
        assertTrue(stopWords.text().contains("Nichts gefunden"), "only stop words: no hits, no error");
        Document symbols = page(search("&&& <> ()|!"));
        assertTrue(symbols.text().contains("Nichts gefunden"));
    }

    @Test
    void pagesWalkEveryHitOnceAndKindsFilter() {
        for (int i = 1; i <= 27; i++) {
            Fixtures.proposal(node, cast.dora(), "Parkbank Nummer " + i, cast.umwelt());
        }
        node.components().participation().comments().add(cast.anna(), "proposal", radweg, null, "Parkbänke fehlen.");
        List<String> walked = new ArrayList<>();
        String next = search("Parkbank");
        int pages = 0;
        while (next != null) {
            Document d = page(next);
            walked.addAll(hrefs(d));
            Element more = d.selectFirst("nav.ok-pagination a[rel=next]");
            next = more == null ? null : more.attr("href");
            pages++;
        }
        assertEquals(2, pages);
        assertEquals(28, walked.size(), walked.toString());
        assertEquals(28, new LinkedHashSet<>(walked).size(), "no hit twice");
        Document proposalsOnly = page(search("Parkbank") + "&art=vorschlag");
        assertEquals(20, hrefs(proposalsOnly).size());
        assertTrue(hrefs(proposalsOnly).stream().noneMatch(h -> h.contains("#kommentar-")));
        assertEquals("Vorschläge (27)", proposalsOnly.selectFirst("nav.ok-search-kinds a[aria-current=page]").text());
        Document commentsOnly = page(search("Parkbank") + "&art=kommentar");
        assertEquals(1, hrefs(commentsOnly).size());
        assertEquals("Alle (28)", commentsOnly.selectFirst("nav.ok-search-kinds li a").text());
    }

    @Test
    void aSearchPageIsTwoStatementsWhateverItFinds() {
        TestBrowser browser = node.browser();
        browser.get("/");
        int mark = node.statements().mark();
        assertEquals(200, browser.get(search("Radweg")).status());
        List<String> few = node.statements().since(mark);
        mark = node.statements().mark();
        assertEquals(200, browser.get(search("Parkbank oder Radweg oder Brunnen oder Stadtpark")).status());
        List<String> many = node.statements().since(mark);
        assertEquals(2, few.size(), few.toString());
        assertEquals(2, many.size(), many.toString());
    }

    @Test
    void theHeaderOffersTheSearchOnEveryOtherPage() {
        for (String path : List.of("/", "/projekte", "/vorschlaege/" + radweg)) {
            Document d = page(path);
            Element form = d.selectFirst("header form[role=search][action=/suche][method=get]");
            assertNotNull(form, path);
            assertNotNull(form.attr("aria-label"));
            assertEquals("kopf-suche", form.selectFirst("label").attr("for"));
            assertEquals("q", form.selectFirst("input#kopf-suche").attr("name"));
        }
    }
}
