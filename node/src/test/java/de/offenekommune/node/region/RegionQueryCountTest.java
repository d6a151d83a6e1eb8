package de.offenekommune.node.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestNode;

/**
 * The region's pages load their data in a fixed, small number of statements, with few items and
 * with 3,000 (in bulk, with phases and topics): the overview with any filter or page, the map page
 * and its data, the figures, the home page. Proves the absence of N+1 queries, not speed.
 */
class RegionQueryCountTest {
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.startCounting("Zaehlregion", Map.of("node.kind", "region", "node.ags", "09184"));
        for (String[] m : new String[][] {{"09184112", "https://aschheim.example/kommune"},
                {"09184113", "https://baierbrunn.example/kommune"}}) {
            node.sql().update("INSERT INTO ap_neighbour (actor_uri, handle, name, state, follow_activity) "
                    + "VALUES (?, ?, 'Gemeinde', 'ACCEPTED', ?)", m[1], "gemeinde@" + m[1].split("/")[2], m[1] + "#f");
            node.sql().update("INSERT INTO region_member (ags, handle, actor_uri, source, created_at) "
                    + "VALUES (?, ?, ?, 'ADMIN', now())", m[0], "gemeinde@" + m[1].split("/")[2], m[1]);
            node.sql().update("""
                    INSERT INTO region_member_figures (ags, generated_at, fetched_at, projects_open, proposals_30,
                        proposals_365, supports_30, supports_365, comments_30, comments_365, responses_30, responses_365)
                    VALUES (?, now(), now(), 1, 1, 1, 1, 1, 1, 1, 1, 1)""", m[0]);
        }
        items(1, 10);
    }

    /** Items of both members, half projects with a phase running today and a place, in bulk. */
    private static void items(int from, int to) {
        node.sql().update("""
                INSERT INTO ap_neighbour_item (ap_id, neighbour_actor, attributed_to, kind, name, summary, url,
                    published_at, updated_at, project_kind, topics, latitude, longitude, location_name)
                SELECT 'https://' || h || '/objekte/' || g, 'https://' || h || '/kommune', 'https://' || h || '/kommune',
                       CASE WHEN g % 2 = 0 THEN 'PROJECT' ELSE 'PROPOSAL' END, 'Eintrag ' || g, 'Kurz', 
                       'https://' || h || '/objekte/' || g, now() - g * interval '1 minute', now(),
                       CASE WHEN g % 2 = 0 THEN 'CONSTRUCTION' END,
                       CASE WHEN g % 3 = 0 THEN ARRAY['TRANSPORT'] ELSE ARRAY['CULTURE'] END,
                       CASE WHEN g % 2 = 0 THEN 48.1 + g * 0.00001 END, CASE WHEN g % 2 = 0 THEN 11.6 END,
                       CASE WHEN g % 2 = 0 THEN 'Ort' END
                FROM generate_series(?, ?) g,
                     LATERAL (SELECT CASE WHEN g % 4 < 2 THEN 'aschheim.example' ELSE 'baierbrunn.example' END AS h) x""",
                from, to);
        node.sql().update("""
                INSERT INTO ap_neighbour_item_phase (item_id, position, kind, starts_on, ends_on)
                SELECT id, 1, 'PARTICIPATION', current_date - 3, current_date + 3 FROM ap_neighbour_item
                WHERE kind = 'PROJECT' ON CONFLICT DO NOTHING""");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static List<String> statementsFor(TestBrowser browser, String path) {
        int mark = node.statements().mark();
        TestBrowser.Response r = browser.get(path);
        assertEquals(200, r.status(), path);
        return node.statements().since(mark);
    }

    private static final List<String> PAGES = List.of("/region", "/region?gemeinde=09184112&art=projekt&phase=beteiligung"
            + "&thema=verkehr&projektart=bauvorhaben", "/region?nach=5", "/region/karte", "/region/karte.json",
            "/region/kennzahlen", "/");

    @Test
    void regionPagesAreAFixedNumberOfQueriesWhateverTheAmountOfItems() {
        TestBrowser browser = node.browser();
        browser.get("/");
        Map<String, Integer> few = new java.util.LinkedHashMap<>();
        for (String path : PAGES) {
            few.put(path, statementsFor(browser, path).size());
        }
        items(11, 3000);
        for (String path : PAGES) {
            List<String> many = statementsFor(browser, path);
            assertEquals(few.get(path), many.size(), path + " with 3,000 items: " + many);
        }
        assertEquals(2, few.get("/region"), "a page of items, the members (for the town filter)");
        assertEquals(2, few.get("/region?nach=5"));
        assertEquals(2, few.get("/region/karte.json"), "located items, members");
        assertEquals(2, few.get("/region/karte"), "located items, members");
        assertEquals(2, few.get("/region/kennzahlen"), "figures, members");
        assertTrue(few.get("/") <= 5, "home: projects, events, neighbourhood, members, newest items: " + few);
        assertEquals(RegionOverview.PAGE_SIZE, Jsoup.parse(browser.get("/region").body())
                .select("li.ok-region-item").size());
    }
}
