package de.offenekommune.node.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import de.offenekommune.node.account.Role;
import de.offenekommune.node.project.Project;
import de.offenekommune.node.testing.TestBrowser;
import de.offenekommune.node.testing.TestContent;
import de.offenekommune.node.testing.TestNode;

/** Event pages, the iCal files (parsed line by line) and the staff forms. */
class EventPagesTest {
    private static TestNode node;
    private static TestContent content;
    private static Project project;

    @BeforeAll
    static void start() {
        node = TestNode.start("Terminstadt");
        content = new TestContent(node);
        project = content.project("Neugestaltung Marktplatz");
        node.components().accounts().createConfirmed("staff@example.org", "Ordnungsamt", "ordnungsamt",
                "staff-passwort-1", Role.STAFF);
        node.components().accounts().createConfirmed("citizen@example.org", "Cem", "cem", "citizen-passwort-1",
                Role.CITIZEN);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** Unfolds an iCalendar text into content lines (RFC 5545 3.1), checking the line ends on the way. */
    static List<String> contentLines(String ics) {
        assertTrue(ics.endsWith("\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "only CRLF line ends");
        List<String> lines = new ArrayList<>();
        for (String physical : ics.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, "folded: " + physical);
            if (physical.startsWith(" ")) {
                lines.set(lines.size() - 1, lines.getLast() + physical.substring(1));
            } else {
                lines.add(physical);
            }
        }
        return lines;
    }

    /** The properties of the first VEVENT with the given UID. */
    static Map<String, String> event(List<String> lines, String uid) {
        Map<String, String> props = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.equals("BEGIN:VEVENT")) {
                props.clear();
                inside = true;
            } else if (line.equals("END:VEVENT")) {
                if (uid.equals(props.get("UID"))) {
                    return props;
                }
                inside = false;
            } else if (inside) {
                int colon = line.indexOf(':');
                props.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        throw new AssertionError("no VEVENT with UID " + uid);
    }

    @Test
    void eventPageAndItsCalendarFile() {
        Instant start = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MINUTES);
        Event e = node.components().eventService().create(new EventInput("Bürgerversammlung: Markt, Bänke; Bäume",
                "Alle sind eingeladen.", "Wir stellen die Entwürfe vor.\n\nMit **Diskussion**.", start.toString(),
                start.plus(Duration.ofHours(2)).toString(), "Rathaus, Großer Saal", "Marktplatz 1, 12345 Musterstadt",
                51.5, 9.25, project.id()));

        Document page = Jsoup.parse(node.browser().get(e.path()).body());
        assertEquals("Bürgerversammlung: Markt, Bänke; Bäume", page.selectFirst("h1").text());
        assertTrue(page.text().contains("Rathaus, Großer Saal"));
        assertEquals(project.path(), page.selectFirst("a:contains(Neugestaltung Marktplatz)").attr("href"));
        assertEquals(e.path() + ".ics", page.selectFirst("a[href$=.ics]").attr("href"));

        TestBrowser.Response ics = node.browser().get(e.path() + ".ics", "text/calendar");
        assertEquals(200, ics.status());
        assertTrue(ics.header("Content-Type").startsWith("text/calendar"), ics.header("Content-Type"));
        List<String> lines = contentLines(ics.body());
        assertEquals("BEGIN:VCALENDAR", lines.getFirst());
        assertEquals("END:VCALENDAR", lines.getLast());
        assertTrue(lines.contains("VERSION:2.0"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("PRODID:")));
        String uid = "termin-" + e.id() + "@127.0.0.1";
        Map<String, String> v = event(lines, uid);
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(start);
        assertEquals(utc, v.get("DTSTART"));
        assertEquals("Bürgerversammlung: Markt\\, Bänke\\; Bäume", v.get("SUMMARY"));
        assertEquals("Rathaus\\, Großer Saal\\, Marktplatz 1\\, 12345 Musterstadt", v.get("LOCATION"));
        assertTrue(v.get("DESCRIPTION").startsWith("Alle sind eingeladen.\\n\\nWir stellen die Entwürfe vor."),
                v.get("DESCRIPTION"));
        assertEquals("51.5;9.25", v.get("GEO"));
        assertEquals(node.url(e.path()), v.get("URL"));
        assertNotNull(v.get("DTSTAMP"));

        TestBrowser.Response again = node.browser().get(e.path() + ".ics", "text/calendar");
        assertEquals(v.get("UID"), event(contentLines(again.body()), uid).get("UID"), "the UID is stable");
    }

    @Test
    void townCalendarListsUpcomingAndRecentEvents() {
        Event upcoming = content.event(null, "Sitzung des Bauausschusses", Instant.now().plus(Duration.ofDays(2)),
                Instant.now().plus(Duration.ofDays(2)).plus(Duration.ofHours(3)));
        Event recent = content.event(project, "Rückblick Stadtfest", Instant.now().minus(Duration.ofDays(20)),
                Instant.now().minus(Duration.ofDays(20)).plus(Duration.ofHours(1)));
        Event old = content.event(project, "Uralte Sitzung", Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(400)).plus(Duration.ofHours(1)));
        Event deleted = content.event(null, "Abgesagt", Instant.now().plus(Duration.ofDays(4)),
                Instant.now().plus(Duration.ofDays(4)).plus(Duration.ofHours(1)));
        node.components().eventService().delete(deleted.id());

        TestBrowser.Response r = node.browser().get("/termine.ics", "text/calendar");
        assertEquals(200, r.status());
        List<String> lines = contentLines(r.body());
        assertTrue(lines.contains("X-WR-CALNAME:Termine Terminstadt"), lines.toString());
        List<String> uids = lines.stream().filter(l -> l.startsWith("UID:")).toList();
        assertTrue(uids.contains("UID:termin-" + upcoming.id() + "@127.0.0.1"));
        assertTrue(uids.contains("UID:termin-" + recent.id() + "@127.0.0.1"));
        assertFalse(uids.contains("UID:termin-" + old.id() + "@127.0.0.1"));
        assertFalse(uids.contains("UID:termin-" + deleted.id() + "@127.0.0.1"));
        assertEquals(lines.stream().filter(l -> l.equals("BEGIN:VEVENT")).count(), uids.size());

        assertEquals(410, node.browser().get(deleted.path()).status());
        assertEquals(410, node.browser().get(deleted.path() + ".ics").status());
        assertEquals(404, node.browser().get("/termine/999999.ics").status());
        assertEquals(404, node.browser().get("/termine/abc").status());
    }

    @Test
    void listShowsUpcomingEventsPaged() {
        Instant base = Instant.now().plus(Duration.ofDays(100));
        for (int i = 0; i < EventPages.PAGE_SIZE + 2; i++) {
            content.event(null, "Sprechstunde " + (i + 1), base.plus(Duration.ofDays(i)),
                    base.plus(Duration.ofDays(i)).plus(Duration.ofHours(1)));
        }
        Document first = Jsoup.parse(node.browser().get("/termine").body());
        assertEquals("/termine.ics", first.selectFirst("link[rel=alternate][type=text/calendar]").attr("href"));
        List<String> titles = new ArrayList<>(first.select("li.ok-event .ok-event__title").eachText());
        String next = first.selectFirst("a[rel=next]").attr("href");
        while (next != null) {
            Document page = Jsoup.parse(node.browser().get(next).body());
            titles.addAll(page.select("li.ok-event .ok-event__title").eachText());
            next = page.selectFirst("a[rel=next]") == null ? null : page.selectFirst("a[rel=next]").attr("href");
        }
        List<String> office = titles.stream().filter(t -> t.startsWith("Sprechstunde")).toList();
        assertEquals(EventPages.PAGE_SIZE + 2, office.size());
        assertEquals("Sprechstunde 1", office.getFirst(), "soonest first");
        assertEquals("Sprechstunde " + (EventPages.PAGE_SIZE + 2), office.getLast());
        assertFalse(titles.contains("Rückblick Stadtfest"), "past events are not upcoming");
    }

    @Test
    void staffCreateAndEditEventsOthersCannot() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Ortsbegehung Mühlbach");
        form.put("summary", "Wir gehen das Gebiet gemeinsam ab.");
        form.put("description", "");
        form.put("startsAt", "2031-06-01T17:00");
        form.put("endsAt", "2031-06-01T19:00");
        form.put("placeName", "Treffpunkt Brücke");
        form.put("placeAddress", "");
        form.put("latitude", "");
        form.put("longitude", "");
        form.put("projectId", String.valueOf(project.id()));
        long before = node.sql().count("SELECT count(*) FROM event");

        TestBrowser citizen = node.browser().signIn("citizen@example.org", "citizen-passwort-1");
        citizen.get("/");
        assertEquals(403, citizen.post("/verwaltung/termine", citizen.withCsrf(form)).status());
        assertEquals(before, node.sql().count("SELECT count(*) FROM event"));

        TestBrowser staff = node.browser().signIn("staff@example.org", "staff-passwort-1");
        Map<String, String> bad = new LinkedHashMap<>(form);
        bad.put("endsAt", "2031-06-01T16:00");
        bad.put("projectId", "999999");
        var r = staff.submit("/verwaltung/termine/neu", "/verwaltung/termine", bad);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Das Ende darf nicht vor dem Beginn liegen."));
        assertEquals(before, node.sql().count("SELECT count(*) FROM event"));
        bad.put("endsAt", "2031-06-01T19:00");
        r = staff.submit("/verwaltung/termine/neu", "/verwaltung/termine", bad);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("Dieses Projekt gibt es nicht."), "an unknown project is a field error");
        assertEquals(before, node.sql().count("SELECT count(*) FROM event"));

        r = staff.submit("/verwaltung/termine/neu", "/verwaltung/termine", form);
        assertEquals(303, r.status(), r.body());
        long id = Long.parseLong(r.location().replaceAll("^/termine/(\\d+).*$", "$1"));
        Event e = node.components().eventService().visible(id);
        assertEquals(Instant.parse("2031-06-01T15:00:00Z"), e.startsAt(), "form times are Berlin local time");
        assertEquals(project.id(), e.projectId());

        Document edit = Jsoup.parse(staff.get("/verwaltung/termine/" + id).body());
        assertEquals("2031-06-01T17:00", edit.selectFirst("#startsAt").val());
        form.put("title", "Ortsbegehung Mühlbach (verschoben)");
        form.put("projectId", "");
        assertEquals(303, staff.submit("/verwaltung/termine/" + id, "/verwaltung/termine/" + id, form).status());
        e = node.components().eventService().visible(id);
        assertEquals("Ortsbegehung Mühlbach (verschoben)", e.title());
        assertNull(e.projectId());
        assertEquals(303, staff.post("/verwaltung/termine/" + id + "/loeschen", staff.withCsrf(Map.of())).status());
        assertEquals(410, staff.get("/termine/" + id).status());
    }

    /** The project page reads upcoming and past events in one statement: each part in its order and bound. */
    @Test
    void projectPageShowsUpcomingSoonestFirstAndTheLatestPastEvents() {
        Project own = content.project("Spielplatz Lindenweg");
        Instant now = Instant.now();
        for (int i = 1; i <= 3; i++) {
            content.event(own, "Kommend " + i, now.plus(Duration.ofDays(10L * i)),
                    now.plus(Duration.ofDays(10L * i)).plus(Duration.ofHours(2)));
        }
        for (int i = 1; i <= 7; i++) {
            content.event(own, "Vorbei " + i, now.minus(Duration.ofDays(10L * i)),
                    now.minus(Duration.ofDays(10L * i)).plus(Duration.ofHours(2)));
        }
        Document page = Jsoup.parse(node.browser().get(own.path()).body());
        List<String> titles = page.select("li.ok-event .ok-event__title").eachText();
        assertEquals(List.of("Kommend 1", "Kommend 2", "Kommend 3", "Vorbei 1", "Vorbei 2", "Vorbei 3", "Vorbei 4",
                "Vorbei 5"), titles, "upcoming soonest first, then the five latest past ones, latest first");
    }
}
