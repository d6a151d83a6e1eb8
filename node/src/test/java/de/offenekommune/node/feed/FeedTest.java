package de.offenekommune.node.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import de.offenekommune.node.project.Project;
import de.offenekommune.node.project.ProjectInput;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/** The Atom feeds parse as namespaced XML and carry the expected entries with stable ids. */
class FeedTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static TestNode node;
    private static TestContent content;
    private static Project project;

    @BeforeAll
    static void start() {
        node = TestNode.start("Feedstadt");
        content = new TestContent(node);
        project = node.components().projects().create(new ProjectInput("OTHER", "Stadtpark & Spielplatz <neu>",
                "Park für alle – \"grün\" & schön", "Text mit <b>HTML</b> und **Markdown**", null, null, null,
                List.of("ENVIRONMENT"), null, null, null));
        content.news(project, "Bäume gepflanzt", Instant.now().minus(Duration.ofDays(1)));
        content.news(project, "Noch geheim", Instant.now().plus(Duration.ofDays(1)));
        content.news(content.project("Anderes Projekt"), "Andere Nachricht", Instant.now().minus(Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Document parse(String path) throws Exception {
        TestBrowser.Response r = node.browser().get(path, "application/atom+xml");
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("application/atom+xml"), r.header("Content-Type"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        Element feed = doc.getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        return doc;
    }

    private static String child(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(ATOM, name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    private static List<Element> entries(Document doc) {
        NodeList list = doc.getElementsByTagNameNS(ATOM, "entry");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    @Test
    void townFeedHasProjectsAndPublishedNews() throws Exception {
        Document doc = parse("/feed.atom");
        Element feed = doc.getDocumentElement();
        assertEquals(node.url("/feed.atom"), child(feed, "id"));
        assertEquals("Projekte und Neuigkeiten aus Feedstadt", child(feed, "title"));
        Instant.parse(child(feed, "updated"));
        List<Element> entries = entries(doc);
        List<String> titles = entries.stream().map(e -> child(e, "title")).toList();
        assertTrue(titles.containsAll(List.of("Stadtpark & Spielplatz <neu>", "Bäume gepflanzt", "Andere Nachricht",
                "Anderes Projekt")), titles.toString());
        assertFalse(titles.contains("Noch geheim"));
        for (Element e : entries) {
            String id = child(e, "id");
            assertTrue(id.startsWith(node.url("/projekte/")), id);
            Instant.parse(child(e, "updated"));
            Element link = (Element) e.getElementsByTagNameNS(ATOM, "link").item(0);
            assertEquals(id, link.getAttribute("href"));
        }
        List<Instant> updated = entries.stream().map(e -> Instant.parse(child(e, "updated"))).toList();
        List<Instant> sorted = new ArrayList<>(updated);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, updated, "newest first");
    }

    @Test
    void projectFeedEscapesContent() throws Exception {
        Document doc = parse(project.path() + "/feed.atom");
        List<Element> entries = entries(doc);
        assertEquals(List.of("Bäume gepflanzt", "Stadtpark & Spielplatz <neu>"),
                entries.stream().map(e -> child(e, "title")).toList().stream().sorted().toList());
        Element projectEntry = entries.stream().filter(e -> child(e, "id").equals(node.url(project.path())))
                .findFirst().orElseThrow();
        assertEquals("Park für alle – \"grün\" & schön", child(projectEntry, "summary"));
        Element contentElement = (Element) projectEntry.getElementsByTagNameNS(ATOM, "content").item(0);
        assertEquals("html", contentElement.getAttribute("type"));
        String html = contentElement.getTextContent();
        assertTrue(html.contains("<strong>Markdown</strong>"), html);
        assertFalse(html.contains("<b>"), "raw HTML in Markdown is escaped, never passed on: " + html);
    }

    @Test
    void charactersXmlCannotCarryAreDropped() {
        assertEquals("ab\tc\nd😀", AtomWriter.xmlSafe("a\u0001b\tc\nd\uFFFE😀\uD800"));
    }

    @Test
    void pagesLinkTheirFeeds() {
        assertTrue(node.browser().get("/").body()
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
        assertTrue(node.browser().get("/projekte").body().contains("href=\"/feed.atom\""));
    }
}
