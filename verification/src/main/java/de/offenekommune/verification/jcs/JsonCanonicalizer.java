package de.offenekommune.verification.jcs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON Canonicalization Scheme (RFC 8785) over Jackson trees: object members sorted by their names' UTF-16 code
 * units, no whitespace, strings escaped minimally, numbers as ECMAScript prints them. Data Integrity's
 * {@code eddsa-jcs-2022} hashes exactly these bytes.
 */
public final class JsonCanonicalizer {
    private JsonCanonicalizer() {
    }

    /**
     * @return the canonical UTF-8 bytes
     * @throws IllegalArgumentException if the tree holds something I-JSON cannot carry (NaN, Infinity, an unpaired
     *         surrogate, binary or POJO nodes)
     */
    public static byte[] canonicalize(JsonNode node) {
        return canonicalString(node).getBytes(StandardCharsets.UTF_8);
    }

    public static String canonicalString(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(Es6NumberFormatter.format(toDouble(node)));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        members.addAll(node.properties());
        // String.compareTo compares UTF-16 code units, which is what RFC 8785 section 3.2.3 asks for.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        Iterator<JsonNode> elements = node.elements();
        boolean first = true;
        while (elements.hasNext()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(elements.next(), out);
        }
        out.append(']');
    }

    private static double toDouble(JsonNode number) {
        // All JSON numbers are IEEE 754 doubles in I-JSON; big integers round like JavaScript's Number().
        double value = number.isBigInteger() ? number.bigIntegerValue().doubleValue() : number.doubleValue();
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            throw new IllegalArgumentException("number out of the IEEE 754 double range");
        }
        return value;
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        requirePaired(value, i);
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void requirePaired(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                throw new IllegalArgumentException("unpaired surrogate in string");
            }
        } else if (Character.isLowSurrogate(c)) {
            if (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1))) {
                throw new IllegalArgumentException("unpaired surrogate in string");
            }
        }
    }
}
