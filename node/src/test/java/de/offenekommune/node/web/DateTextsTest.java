package de.offenekommune.node.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The remembered time element reads exactly as the template wrote it from its two texts. */
class DateTextsTest {

    @Test
    void timeElementIsTheIsoAttributeAndTheLocalText() {
        for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
            for (Instant instant : List.of(Instant.parse("2026-03-29T00:59:59.123456Z"), Instant.parse("2026-10-25T01:30:00Z"),
                    Instant.EPOCH, Instant.parse("2031-12-31T23:00:00Z"))) {
                String expected = "<time datetime=\"" + DateTexts.format(instant, DateTexts.Style.ISO, locale) + "\">"
                        + DateTexts.format(instant, DateTexts.Style.DATE_TIME, locale) + "</time>";
                StoredHtml element = DateTexts.timeElement(instant, locale);
                assertEquals(expected, element.html(), locale + " " + instant);
                assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), element.utf8());
                assertSame(element, DateTexts.timeElement(instant, locale), "remembered");
            }
        }
        assertEquals("<time datetime=\"\"></time>", DateTexts.timeElement(null, Locale.GERMAN).html());
    }
}
