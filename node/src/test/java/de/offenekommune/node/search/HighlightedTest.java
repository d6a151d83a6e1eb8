package de.offenekommune.node.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** ts_headline output to text parts: balanced marks only, whitespace tidied, stray markers dropped. */
class HighlightedTest {
    private static final char O = Highlighted.OPEN;
    private static final char C = Highlighted.CLOSE;

    @Test
    void marksBecomeMarkedParts() {
        Highlighted h = Highlighted.parse("  Ein " + O + "Radweg" + C + " am\n\n" + O + "Bahnhof" + C + ".  ");
        assertEquals(List.of(new Highlighted.Part("Ein ", false), new Highlighted.Part("Radweg", true),
                new Highlighted.Part(" am ", false), new Highlighted.Part("Bahnhof", true),
                new Highlighted.Part(".", false)), h.parts());
        assertEquals("Ein Radweg am Bahnhof.", h.text());
    }

    @Test
    void strayOrUnbalancedMarkersAreDroppedNotTurnedIntoMarkup() {
        assertEquals(List.of(new Highlighted.Part("a b", false)), Highlighted.parse("a" + C + " b").parts());
        assertEquals(List.of(new Highlighted.Part("a ", false), new Highlighted.Part("b c", true)),
                Highlighted.parse("a " + O + "b" + O + " c").parts(), "an open mark ends with the text");
        assertEquals(List.of(), Highlighted.parse(null).parts());
        assertEquals(List.of(new Highlighted.Part("<b>x</b>", false)), Highlighted.parse("<b>x</b>").parts(),
                "tags in the text stay text; the template escapes them");
    }
}
