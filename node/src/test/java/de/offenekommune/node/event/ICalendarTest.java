package de.offenekommune.node.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 5545 details: TEXT escaping and folding at 75 octets without splitting a UTF-8 character. */
class ICalendarTest {

    @Test
    void escapesTextValues() {
        assertEquals("a\\, b\\; c\\\\ d\\ne", ICalendar.escape("a, b; c\\ d\r\ne"));
        assertEquals("nur Text", ICalendar.escape("nur\u0007 Text"), "control characters are dropped");
    }

    @Test
    void foldsLongLinesAtOctetsNotCharacters() {
        StringBuilder out = new StringBuilder();
        String value = "SUMMARY:" + "Bürgerversammlung zur Neugestaltung des Marktplatzes – ".repeat(4);
        ICalendar.line(out, value);
        String text = out.toString();
        assertTrue(text.endsWith("\r\n"));
        String[] lines = text.substring(0, text.length() - 2).split("\r\n", -1);
        assertTrue(lines.length > 3);
        for (int i = 0; i < lines.length; i++) {
            int octets = lines[i].getBytes(StandardCharsets.UTF_8).length;
            assertTrue(octets <= 75, "line " + i + " has " + octets + " octets");
            if (i > 0) {
                assertTrue(lines[i].startsWith(" "), "continuation lines start with a space");
            }
        }
        StringBuilder unfolded = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            unfolded.append(lines[i].substring(1));
        }
        assertEquals(value, unfolded.toString(), "unfolding gives the original back, no character was cut");
    }

    @Test
    void writesAStableUidAndUtcTimes() {
        Instant start = Instant.parse("2030-05-10T16:00:00Z");
        Event e = new Event(42, null, null, null, "Test", "", "", "", start, start, "Rathaus", "", 51.5, 9.25,
                Instant.parse("2030-01-01T10:00:00Z"), Instant.parse("2030-01-02T11:30:00Z"), null);
        String cal = new ICalendar("https://beteiligung.musterstadt.example", "beteiligung.musterstadt.example",
                "Musterstadt").write("Termine", List.of(e));
        assertTrue(cal.contains("\r\nUID:termin-42@beteiligung.musterstadt.example\r\n"), cal);
        assertTrue(cal.contains("\r\nDTSTART:20300510T160000Z\r\n"), cal);
        assertTrue(cal.contains("\r\nDTEND:20300510T160100Z\r\n"), "an event without length gets one minute");
        assertTrue(cal.contains("\r\nDTSTAMP:20300102T113000Z\r\n"), cal);
        assertTrue(cal.contains("\r\nGEO:51.5;9.25\r\n"), cal);
    }
}
