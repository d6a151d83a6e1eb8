package de.offenekommune.federation.vocab;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parses and writes ActivityStreams JSON with limits set for untrusted input: nesting depth, string
 * and number lengths. Duplicate keys are accepted with the last one winning, as Mastodon and the
 * others read them (real Pleroma documents carry duplicates); this library parses every body exactly
 * once, so no second parser can see a different document.
 */
public final class ActivityJson {
    /** Deeper documents are refused; real ActivityPub documents stay below 10 levels. */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(1_000_000)
                            .maxNumberLength(100)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ActivityJson() {
    }

    /** The configured mapper; shared, thread-safe, never reconfigured. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** @throws MalformedDocumentException when the bytes are not one JSON object within the limits */
    public static ObjectNode parse(byte[] json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new MalformedDocumentException("not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedDocumentException("expected a JSON object");
        }
        return object;
    }

    public static ObjectNode parse(String json) {
        return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    public static String writeString(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
