package de.offenekommune.verification.jcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import de.offenekommune.federation.testing.SharedFiles;

class JsonCanonicalizerTest {
    private static final Path JCS = SharedFiles.testvectors().resolve("jcs");

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void referenceTestDataCanonicalizesToTheExpectedBytes(String name) throws IOException {
        JsonNode input = StrictJson.parse(Files.readAllBytes(JCS.resolve("testdata/input/" + name + ".json")));
        byte[] expected = Files.readAllBytes(JCS.resolve("testdata/output/" + name + ".json"));
        byte[] expectedFromHex = hex(Files.readString(JCS.resolve("testdata/outhex/" + name + ".txt")));

        byte[] actual = JsonCanonicalizer.canonicalize(input);

        assertArrayEquals(expected, actual, () -> new String(actual, StandardCharsets.UTF_8));
        assertArrayEquals(expectedFromHex, actual);
    }

    @Test
    void rfc8785Section322InputGivesTheSection324Bytes() throws IOException {
        JsonNode input = StrictJson.parse(Files.readString(JCS.resolve("rfc8785/section-3.2.2-input.json")));
        byte[] expected = hex(Files.readString(JCS.resolve("rfc8785/section-3.2.4-expected-utf8.hex")));

        assertArrayEquals(expected, JsonCanonicalizer.canonicalize(input));
    }

    @Test
    void rfc8785Section323SortsByUtf16CodeUnits() throws IOException {
        JsonNode input = StrictJson.parse(Files.readString(JCS.resolve("rfc8785/section-3.2.3-sorting-test-input.json")));
        List<String> expectedOrder = Files.readAllLines(JCS.resolve("rfc8785/section-3.2.3-sorting-test-expected-value-order.txt"))
                .stream().filter(line -> !line.isBlank()).map(line -> line.substring(1, line.length() - 1)).toList();

        JsonNode reparsed = StrictJson.parse(JsonCanonicalizer.canonicalString(input));
        List<String> actualOrder = new ArrayList<>();
        reparsed.elements().forEachRemaining(value -> actualOrder.add(value.textValue()));

        assertEquals(expectedOrder, actualOrder);
    }

    @Test
    void es6NumberSamplesFromTheReferenceReadme() throws IOException {
        List<String[]> rows = csv(JCS.resolve("es6-number-samples.csv"), false);
        assertEquals(7, rows.size());
        for (String[] row : rows) {
            assertEquals(row[1], Es6NumberFormatter.format(ieee(row[0])), "IEEE " + row[0]);
        }
    }

    @Test
    void rfc8785AppendixBNumberSamples() throws IOException {
        List<String[]> rows = csv(JCS.resolve("rfc8785/appendix-B-number-serialization-samples.csv"), true);
        assertEquals(26, rows.size());
        for (String[] row : rows) {
            double value = ieee(row[0]);
            if (row[1].isEmpty()) {
                assertThrows(IllegalArgumentException.class, () -> Es6NumberFormatter.format(value), row[2]);
            } else {
                assertEquals(row[1], Es6NumberFormatter.format(value), "IEEE " + row[0] + " " + row[2]);
            }
        }
    }

    @Test
    void numbersRoundTripAndLargeIntegersRoundLikeJavaScript() {
        assertEquals("9007199254740992", JsonCanonicalizer.canonicalString(StrictJson.parse("9007199254740993")));
        assertEquals("1e+30", JsonCanonicalizer.canonicalString(StrictJson.parse("1000000000000000000000000000000")));
        assertEquals("[-1,0.5,100,1e-7]", JsonCanonicalizer.canonicalString(StrictJson.parse("[-1, 0.50, 1E2, 0.0000001]")));
        java.util.Random random = new java.util.Random(8785);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                assertEquals(value == 0 ? 0.0 : value, Double.parseDouble(Es6NumberFormatter.format(value)), 0.0);
            }
        }
    }

    @Test
    void controlCharactersUseLowercaseUnicodeEscapes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("k", "\u0001\u001f\u007f\t\"\\/");

        assertEquals("{\"k\":\"\\u0001\\u001f\u007f\\t\\\"\\\\/\"}", JsonCanonicalizer.canonicalString(node));
    }

    @Test
    void unpairedSurrogatesAreRejected() {
        ObjectNode lone = JsonNodeFactory.instance.objectNode().put("k", "a\ud800b");
        ObjectNode loneLow = JsonNodeFactory.instance.objectNode().put("\udc00", 1);

        assertThrows(IllegalArgumentException.class, () -> JsonCanonicalizer.canonicalize(lone));
        assertThrows(IllegalArgumentException.class, () -> JsonCanonicalizer.canonicalize(loneLow));
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> JsonCanonicalizer.canonicalize(JsonNodeFactory.instance.numberNode(Double.NaN)));
        assertThrows(IllegalArgumentException.class,
                () -> JsonCanonicalizer.canonicalize(JsonNodeFactory.instance.numberNode(
                        new java.math.BigInteger("1" + "0".repeat(400)))));
    }

    @Test
    void strictParsingRejectsDuplicatesTrailingDataAndNonJson() {
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse("{\"a\":1,\"a\":2}"));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse("{\"a\":1} {}"));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse("not json"));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse(""));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse("[NaN]"));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse((String) null));
    }

    private static double ieee(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s", ""));
    }

    private static List<String[]> csv(Path file, boolean header) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.skip(header ? 1 : 0).filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1)).toList();
        }
    }
}
