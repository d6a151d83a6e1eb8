package de.offenekommune.node.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.survey.SurveyInput;
import de.offenekommune.node.survey.SurveyService;
import de.offenekommune.node.testing.Fediverse;
import de.offenekommune.node.testing.Fixtures;
import de.offenekommune.node.testing.TestApi;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/**
 * A region with two member towns, three real nodes on their own databases, all on 127.0.0.1 with
 * different ports (as in examples/three-towns): the region follows the members configured by AGS and
 * handle; what a town published before is read from its outbox; a project made through a town's
 * staff API appears in the overview with the right town, its update and deletion follow; proposals,
 * surveys and events arrive too; the filters by town, kind, project kind, phase and topic work; the
 * map data lists located projects; the figures per town equal the towns' own counts. (Lists are read
 * with a kind filter: another test adds many proposals, and a page shows 20 entries.)
 */
class RegionFederationTest {
    /** Two real municipalities of the Landkreis München (09184). */
    static final String ASCHHEIM = "09184112";
    static final String BAIERBRUNN = "09184113";

    private static TestNode aschheim;
    private static TestNode baierbrunn;
    private static TestNode region;
    private static Fixtures.Cast castA;
    private static Fixtures.Cast castB;
    private static TestApi apiA;

    @BeforeAll
    static void start() {
        Map<String, String> town = Map.of("federation.vote-update-delay", "PT0S");
        aschheim = TestNode.start("Aschheim", with(town, "node.ags", ASCHHEIM));
        baierbrunn = TestNode.start("Baierbrunn", with(town, "node.ags", BAIERBRUNN));
        castA = Fixtures.musterstadt(aschheim);
        castB = Fixtures.musterstadt(baierbrunn);
        Account cms = aschheim.components().accounts().createConfirmed("cms@example.org", "CMS", "cms", "cms-passwort-1",
                Role.STAFF);
        apiA = new TestApi(aschheim.baseUrl(), aschheim.components().apiTokens().create(castA.admin(), "CMS",
                cms.username()).value());
        // Published before the region exists: it comes through the outbox once the region follows.
        new TestContent(aschheim).project("Alter Dorfplatz", "PLANNING", List.of("CULTURE"), List.of());
        Map<String, String> config = new HashMap<>();
        config.put("node.kind", "region");
        config.put("node.ags", "09184");
        config.put("region.members.0.ags", ASCHHEIM);
        config.put("region.members.0.handle", "aschheim@" + aschheim.baseUrl().getAuthority());
        config.put("region.members.1.ags", BAIERBRUNN);
        config.put("region.members.1.handle", "@baierbrunn@" + baierbrunn.baseUrl().getAuthority());
        config.put("neighbours.retry-interval", "PT1S");
        config.put("region.figures-interval", "PT1H");
        region = TestNode.start("Landkreis München", config);
        for (TestNode member : List.of(aschheim, baierbrunn)) {
            Fediverse.await("the region follows " + member.baseUrl(), () -> region.sql().count(
                    "SELECT count(*) FROM ap_neighbour WHERE actor_uri = ? AND state = 'ACCEPTED'",
                    member.url("/kommune")) == 1);
        }
    }

    @AfterAll
    static void stop() {
        region.close();
        baierbrunn.close();
        aschheim.close();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> all = new HashMap<>(base);
        all.put(key, value);
        return all;
    }

    private static Document overview(String query) {
        TestBrowser.Response r = region.browser().get("/region" + query);
        assertEquals(200, r.status(), query + ": " + r.body());
        return Jsoup.parse(r.body());
    }

    /** Titles in the overview with the preline naming kind and town, e.g. "Projekt aus Aschheim". */
    private static Map<String, String> entries(Document page) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Element card : page.select("li.ok-region-item")) {
            found.put(card.selectFirst(".kern-title").text(), card.selectFirst(".kern-preline").text());
        }
        return found;
    }

    private static boolean listed(String query, String title) {
        return entries(overview(query)).containsKey(title);
    }

    @Test
    void configuredMembersAreFollowedAndWhatTheyPublishedBeforeIsRead() {
        assertEquals(2, region.sql().count("SELECT count(*) FROM region_member WHERE actor_uri IS NOT NULL"));
        Fediverse.await("the earlier project arrives", () -> listed("?art=projekt", "Alter Dorfplatz"));
        assertEquals("Projekt aus Aschheim", entries(overview("?art=projekt")).get("Alter Dorfplatz"));
        // a town that is a member is simply a followed neighbour: the towns saw a Follow from the region
        assertEquals(1, aschheim.sql().count("SELECT count(*) FROM fed_follower WHERE local_actor = ? AND remote_actor = ?",
                aschheim.url("/kommune"), region.url("/kommune")));
        String home = region.browser().get("/").body();
        assertTrue(home.contains("Aus den Mitgliedskommunen"), "the region's home page shows its members");
        assertTrue(home.contains("Aschheim") && home.contains("Baierbrunn"));
    }

    @Test
    void aProjectAppearsWithItsTownAndItsUpdateAndDeletionFollow() {
        LocalDate today = LocalDate.now();
        Map<String, Object> project = new LinkedHashMap<>();
        project.put("kind", "CONSTRUCTION");
        project.put("title", "Neue Brücke über den Hachinger Bach");
        project.put("summary", "Die alte Brücke wird ersetzt; Fußgänger bekommen einen eigenen Weg.");
        project.put("topics", List.of("TRANSPORT"));
        project.put("locationName", "Hachinger Bach");
        project.put("latitude", 48.1702);
        project.put("longitude", 11.7154);
        project.put("phases", List.of(Map.of("kind", "PARTICIPATION", "title", "", "description", "",
                "startsOn", today.minusDays(2).toString(), "endsOn", today.plusDays(20).toString())));
        TestApi.Response created = apiA.post("/api/v1/projects", project);
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("id").asLong();
        String title = "Neue Brücke über den Hachinger Bach";
        Fediverse.await("the project in the region", () -> listed("?art=projekt", title));
        Document page = overview("?art=projekt");
        assertEquals("Projekt aus Aschheim", entries(page).get(title));
        Element card = page.select("li.ok-region-item").stream()
                .filter(c -> c.selectFirst(".kern-title").text().equals(title)).findFirst().orElseThrow();
        assertEquals(aschheim.url("/projekte/neue-bruecke-ueber-den-hachinger-bach"),
                card.selectFirst(".kern-title a").attr("href"), "links to its origin node");
        assertTrue(card.text().contains("Phase: Beteiligung"), card.text());

        // filters: town, kind, project kind, phase, topic
        assertTrue(listed("?gemeinde=" + ASCHHEIM, title));
        assertFalse(listed("?gemeinde=" + BAIERBRUNN, title));
        assertTrue(listed("?art=projekt", title));
        assertFalse(listed("?art=vorschlag", title));
        assertTrue(listed("?projektart=bauvorhaben", title));
        assertFalse(listed("?projektart=haushalt", title));
        assertTrue(listed("?phase=beteiligung", title));
        assertFalse(listed("?phase=umsetzung", title));
        assertTrue(listed("?thema=verkehr", title));
        assertFalse(listed("?thema=kultur", title));
        assertTrue(listed("?gemeinde=" + ASCHHEIM + "&art=projekt&phase=beteiligung&thema=verkehr", title));
        assertEquals(400, region.browser().get("/region?thema=unbekannt").status());
        assertEquals(400, region.browser().get("/region?gemeinde=abc").status());

        // the map data lists the located project with its coordinates, and the towns' centres
        JsonNode map = ActivityJson.parse(region.browser().get("/region/karte.json").body());
        JsonNode feature = null;
        List<String> towns = new ArrayList<>();
        for (JsonNode f : map.path("features")) {
            if (f.path("properties").path("name").asText().equals(title)) {
                feature = f;
            }
            if (f.path("properties").path("kind").asText().equals("town")) {
                towns.add(f.path("properties").path("ags").asText());
            }
        }
        assertTrue(feature != null, "the located project is on the map: " + map);
        assertEquals(11.7154, feature.path("geometry").path("coordinates").get(0).asDouble(), 1e-9);
        assertEquals(48.1702, feature.path("geometry").path("coordinates").get(1).asDouble(), 1e-9);
        assertEquals("Aschheim", feature.path("properties").path("town").asText());
        assertTrue(towns.containsAll(List.of(ASCHHEIM, BAIERBRUNN)), "town centres: " + towns);
        assertTrue(region.browser().get("/region/karte").body().contains(title), "the map page lists it too");

        project.put("title", "Neue Fußgängerbrücke über den Hachinger Bach");
        project.put("topics", List.of("TRANSPORT", "ENVIRONMENT"));
        assertEquals(200, apiA.put("/api/v1/projects/" + id, project).status());
        Fediverse.await("the update in the region", () -> listed("?art=projekt",
                "Neue Fußgängerbrücke über den Hachinger Bach"));
        assertFalse(listed("?art=projekt", title), "the old title is gone");
        assertTrue(listed("?thema=umwelt", "Neue Fußgängerbrücke über den Hachinger Bach"));

        assertEquals(204, apiA.delete("/api/v1/projects/" + id).status());
        Fediverse.await("the deletion in the region", () -> !listed("?art=projekt",
                "Neue Fußgängerbrücke über den Hachinger Bach"));
        assertFalse(region.browser().get("/region/karte.json").body().contains("Hachinger Bach"));
    }

    @Test
    void proposalsSurveysAndEventsOfTheMembersArriveToo() {
        long proposal = Fixtures.proposal(baierbrunn, castB.anna(), "Mitfahrbank am Rathaus", castB.bauamt());
        Fediverse.await("the proposal in the region", () -> listed("?art=vorschlag", "Mitfahrbank am Rathaus"));
        assertEquals("Vorschlag aus Baierbrunn", entries(overview("?art=vorschlag")).get("Mitfahrbank am Rathaus"));
        assertTrue(listed("?gemeinde=" + BAIERBRUNN + "&thema=verkehr", "Mitfahrbank am Rathaus"));
        assertEquals(1, region.sql().count("SELECT count(*) FROM ap_neighbour_item WHERE ap_id = ?",
                baierbrunn.url("/vorschlaege/" + proposal)));

        Project p = new TestContent(aschheim).project("Sportpark Nord");
        Instant now = Instant.now();
        SurveyService surveys = aschheim.components().surveys();
        surveys.create(p.id(), new SurveyInput("Welche Sportarten fehlen?", "Bitte mitmachen.",
                now.minusSeconds(60).toString(), now.plus(Duration.ofDays(9)).toString(), "AFTER_VOTING", true,
                List.of(new SurveyInput.QuestionInput("SINGLE", "Was fehlt am meisten?", true,
                        List.of("Beachvolleyball", "Skaten", "Tischtennis")))));
        Fediverse.await("the survey (published as its Question) in the region",
                () -> listed("?art=umfrage", "Welche Sportarten fehlen?"));
        new TestContent(aschheim).event(p, "Info-Abend Sportpark", now.plus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(3)).plusSeconds(3600));
        Fediverse.await("the event in the region", () -> listed("?art=termin", "Info-Abend Sportpark"));
        assertEquals("Termin aus Aschheim", entries(overview("?art=termin")).get("Info-Abend Sportpark"));
    }

    @Test
    void aCitizenOfTheRegionSupportsAndCommentsOnAMembersProposalAcrossPorts() {
        long proposal = Fixtures.proposal(aschheim, castA.ben(), "Wasserspielplatz am See", castA.umwelt());
        String uri = aschheim.url("/vorschlaege/" + proposal);
        Fediverse.await("the proposal in the region", () -> region.sql().count(
                "SELECT count(*) FROM ap_neighbour_item WHERE ap_id = ?", uri) == 1);
        long item = region.sql().count("SELECT id FROM ap_neighbour_item WHERE ap_id = ?", uri);
        Document page = overview("?art=vorschlag&gemeinde=" + ASCHHEIM);
        assertTrue(page.select("a[href=/nachbarschaft/" + item + "]").size() == 1, "the entry leads to taking part");
        region.components().accounts().createConfirmed("rita@example.org", "Rita Regional", "rita", Fixtures.PASSWORD,
                Role.CITIZEN);
        TestBrowser rita = region.browser().signIn("rita@example.org", Fixtures.PASSWORD);
        String itemPage = "/nachbarschaft/" + item;
        assertEquals(303, rita.submit(itemPage, itemPage + "/unterstuetzen", Map.of()).status());
        assertEquals(303, rita.submit(itemPage, itemPage + "/kommentare", Map.of("text", "Gute Idee aus dem Kreis!"))
                .status());
        Fediverse.await("support and comment arrive in Aschheim", () -> aschheim.sql().count(
                "SELECT remote_supports FROM proposal WHERE id = ?", proposal) == 1 && aschheim.sql().count(
                "SELECT count(*) FROM comment WHERE target_id = ? AND remote_actor = ?", proposal,
                region.url("/profil/rita")) == 1);
    }

    @Test
    void pagesAreKeysetPagedWithoutGapsOrRepeats() {
        for (int i = 1; i <= 23; i++) {
            Fixtures.proposal(baierbrunn, castB.carla(), "Sammelvorschlag " + i, castB.umwelt());
        }
        Fediverse.await("all proposals in the region", () -> region.sql().count(
                "SELECT count(*) FROM ap_neighbour_item WHERE name LIKE 'Sammelvorschlag %'") == 23);
        List<String> seen = new ArrayList<>();
        String query = "?art=vorschlag&gemeinde=" + BAIERBRUNN;
        for (int pages = 0; query != null && pages < 5; pages++) {
            Document page = overview(query);
            entries(page).keySet().stream().filter(t -> t.startsWith("Sammelvorschlag")).forEach(seen::add);
            Element next = page.selectFirst("a[rel=next]");
            query = next == null ? null : next.attr("href").substring("/region".length());
        }
        assertEquals(23, seen.size(), "every proposal once: " + seen);
        assertEquals(23, seen.stream().distinct().count());
        // Newest first by the origin's published time; ActivityStreams times have whole seconds, so
        // proposals made in the same second tie and come in the region's order of arrival.
        Map<String, Instant> published = new java.util.HashMap<>();
        region.sql().list("SELECT name, published_at FROM ap_neighbour_item WHERE name LIKE 'Sammelvorschlag %'",
                r -> Map.entry(r.str("name"), r.instant("published_at")))
                .forEach(e -> published.put(e.getKey(), e.getValue()));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(!published.get(seen.get(i)).isAfter(published.get(seen.get(i - 1))),
                    "newest first: " + seen.get(i - 1) + " before " + seen.get(i));
        }
        Instant newest = published.values().stream().max(Instant::compareTo).orElseThrow();
        assertEquals(newest, published.get("Sammelvorschlag 23"), "the last one made is among the newest");
    }

    @Test
    void theFiguresPerTownAreTheTownsOwnCounts() {
        long proposalB = Fixtures.proposal(baierbrunn, castB.ben(), "Trinkbrunnen am Bahnhof", castB.bauamt());
        baierbrunn.components().participation().supports().support(castB.carla(), proposalB);
        baierbrunn.components().participation().supports().support(castB.dora(), proposalB);
        baierbrunn.components().participation().comments().add(castB.anna(), "proposal", proposalB, null, "Gute Idee!");
        long proposalA = Fixtures.proposal(aschheim, castA.anna(), "Mehr Bänke im Park", castA.bauamt());
        aschheim.components().participation().supports().support(castA.ben(), proposalA);
        Project p = new TestContent(aschheim).project("Spielplatz Süd", "OTHER", List.of(),
                List.of(TestContent.phase("PARTICIPATION", LocalDate.now().minusDays(1), LocalDate.now().plusDays(5))));
        Instant now = Instant.now();
        var survey = new TestContent(aschheim).survey(p, now.minusSeconds(60), now.plus(Duration.ofDays(5)),
                "AFTER_VOTING");
        var sw = aschheim.components().surveys().get(survey.id());
        var q = sw.questions().getFirst();
        aschheim.components().responses().submit(sw, castA.carla(), Map.of(q.field(),
                List.of(String.valueOf(q.choices().getFirst().id()))));

        RegionFigures figures = region.components().region().figures();
        for (TestNode town : List.of(aschheim, baierbrunn)) {
            String ags = town == aschheim ? ASCHHEIM : BAIERBRUNN;
            Fediverse.await("the region shows " + ags + "'s own counts", () -> {
                figures.refreshAll();
                return shown(ags).equals(counted(town));
            });
        }
        assertTrue(counted(baierbrunn).get("supports@30") >= 2, "the counts are not trivially zero");
        assertTrue(counted(aschheim).get("responses@365") >= 1);
        assertTrue(counted(aschheim).get("projects-open@30") >= 1);
    }

    /** The figures the region's page shows for one town, by figure and period. */
    private static Map<String, Integer> shown(String ags) {
        Document page = Jsoup.parse(region.browser().get("/region/kennzahlen").body());
        Map<String, Integer> found = new HashMap<>();
        for (Element row : page.select("tr[data-ags=" + ags + "]")) {
            for (Element cell : row.select("td[data-figure]")) {
                found.put(cell.attr("data-figure") + "@" + row.attr("data-days"), Integer.parseInt(cell.text()));
            }
        }
        return found;
    }

    /** The same figures counted directly in the town's database (the definitions of docs/FEDERATION.md). */
    private static Map<String, Integer> counted(TestNode town) {
        Map<String, Integer> found = new HashMap<>();
        long open = town.sql().count("""
                SELECT count(*) FROM project p WHERE p.deleted_at IS NULL AND EXISTS (
                    SELECT 1 FROM project_phase ph WHERE ph.project_id = p.id
                    AND ph.starts_on <= (now() AT TIME ZONE 'Europe/Berlin')::date
                    AND ph.ends_on >= (now() AT TIME ZONE 'Europe/Berlin')::date)""");
        for (int days : new int[] {30, 365}) {
            String since = "now() - interval '" + days + " days'";
            found.put("projects-open@" + days, (int) open);
            found.put("proposals@" + days, (int) town.sql().count(
                    "SELECT count(*) FROM proposal WHERE deleted_at IS NULL AND created_at > " + since));
            found.put("supports@" + days, (int) town.sql().count("SELECT count(*) FROM support s JOIN proposal p "
                    + "ON p.id = s.proposal_id WHERE p.deleted_at IS NULL AND s.created_at > " + since));
            found.put("comments@" + days, (int) town.sql().count(
                    "SELECT count(*) FROM comment WHERE deleted_at IS NULL AND created_at > " + since));
            found.put("responses@" + days, (int) town.sql().count("SELECT count(*) FROM survey_response r JOIN survey s "
                    + "ON s.id = r.survey_id WHERE s.deleted_at IS NULL AND r.created_at > " + since));
        }
        return found;
    }
}
