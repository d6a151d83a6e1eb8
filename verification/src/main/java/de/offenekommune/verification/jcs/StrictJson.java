package de.offenekommune.verification.jcs;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses signed JSON the strict way I-JSON (RFC 7493) wants: duplicate member names and trailing data are errors.
 * Two parsers that disagree on which duplicate wins would otherwise see different documents under one signature.
 */
public final class StrictJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /** @throws IllegalArgumentException if the text is not one strict JSON value */
    public static JsonNode parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no JSON text");
        }
        return read(() -> MAPPER.createParser(text));
    }

    /** @throws IllegalArgumentException if the bytes are not one strict UTF-8 JSON value */
    public static JsonNode parse(byte[] utf8) {
        if (utf8 == null) {
            throw new IllegalArgumentException("no JSON text");
        }
        return read(() -> MAPPER.createParser(utf8));
    }

    private interface ParserSource {
        JsonParser open() throws IOException;
    }

    private static JsonNode read(ParserSource source) {
        try (JsonParser parser = source.open()) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty JSON text");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
        }
    }

    /** The shared mapper for building nodes; it holds no per-request state. */
    public static JsonMapper mapper() {
        return MAPPER;
    }
}
