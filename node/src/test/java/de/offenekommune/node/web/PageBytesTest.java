package de.offenekommune.node.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** PageBytes encodes text as String.getBytes(UTF_8) would, between the templates' binary parts. */
class PageBytesTest {
    private static final List<String> TEXTS = List.of("", "plain ASCII <p>", "Bürgerin Straße – „Zitat“ €",
            "日本語のテキスト", "Emoji 😀 and 🏳️‍🌈 flags", "lone \uD800 high and \uDC00 low surrogates, end \uD83D",
            "mixed ä\u0080\u07FF\u0800\uFFFF end");

    @Test
    void textIsWrittenAsUtf8BetweenBinaryParts() throws IOException {
        PageBytes out = new PageBytes(1); // grows many times
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int round = 0; round < 50; round++) {
            for (String text : TEXTS) {
                byte[] binary = ("<b" + round + ">").getBytes(StandardCharsets.UTF_8);
                out.writeBinaryContent(binary);
                expected.write(binary);
                out.writeContent(text);
                expected.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertEquals(expected.size(), out.size());
        assertArrayEquals(expected.toByteArray(), out.toByteArray());
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        out.writeTo(sent);
        assertArrayEquals(expected.toByteArray(), sent.toByteArray());
    }

    @Test
    void aRangeOfTheTextIsWrittenAsItsSubstring() {
        for (String text : TEXTS) {
            for (int from = 0; from <= text.length(); from++) {
                for (int to = from; to <= text.length(); to++) {
                    PageBytes out = new PageBytes(4);
                    out.writeContent(text, from, to);
                    assertArrayEquals(text.substring(from, to).getBytes(StandardCharsets.UTF_8), out.toByteArray(),
                            text + " [" + from + ", " + to + ")");
                }
            }
        }
    }

    /** Numbers (ids in links) are written as String.valueOf writes them, also where the array must grow. */
    @Test
    void numbersAreWrittenAsTheirDecimalText() {
        PageBytes out = new PageBytes(1);
        StringBuilder expected = new StringBuilder();
        for (long n : List.of(0L, 7L, 9L, 10L, 99L, 100L, 4711L, 1_000_000L, -1L, -4711L, Long.MAX_VALUE, Long.MIN_VALUE)) {
            out.writeContent("|");
            out.writeUserContent(n);
            expected.append('|').append(n);
        }
        for (int n : List.of(0, 5, 12_345, Integer.MAX_VALUE, Integer.MIN_VALUE)) {
            out.writeUserContent(n);
            expected.append(n);
        }
        assertEquals(expected.toString(), new String(out.toByteArray(), StandardCharsets.UTF_8));
    }
}
