package de.offenekommune.node.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/**
 * Strict JSON for the staff API. Reading refuses, before anything is written: bodies over
 * {@link #MAX_BODY} (413), other content types (415), malformed JSON and duplicate keys (400),
 * unknown fields and values of the wrong type (400 naming the field). No silent coercion: "12"
 * is not a number, 1.5 is not an id, 1 is not a string.
 */
public final class Json {
    public static final int MAX_BODY = 256 * 1024;
    private static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    static ObjectMapper mapper() {
        ObjectMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new JavaTimeModule())
                .build();
        // Only a value of the field's own JSON type is accepted; every cross-type coercion fails.
        fail(m, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        fail(m, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        fail(m, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        fail(m, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.EmptyString);
        return m;
    }

    private static void fail(ObjectMapper m, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            m.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Reads and checks the request body as {@code type}. */
    public static <T> T read(ServerRequest req, Class<T> type) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(Status.UNSUPPORTED_MEDIA_TYPE_415, "api.error.content-type");
        }
        long declared = req.headers().contentLength().orElse(-1L);
        if (declared > MAX_BODY) {
            throw new HttpError(Status.REQUEST_ENTITY_TOO_LARGE_413, "error.payload-too-large");
        }
        byte[] body = readLimited(req);
        if (body.length == 0) {
            throw HttpError.badRequest("api.error.empty-body");
        }
        return parse(body, type);
    }

    static <T> T parse(byte[] body, Class<T> type) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw HttpError.badRequest("api.error.not-an-object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw InvalidInput.of(path(e), "api.error.unknown-field");
        } catch (JsonMappingException e) {
            String path = path(e);
            if (path.isEmpty()) {
                throw HttpError.badRequest("api.error.not-an-object");
            }
            throw InvalidInput.of(path, "api.error.wrong-type");
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("api.error.malformed-json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readLimited(ServerRequest req) {
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new HttpError(Status.REQUEST_ENTITY_TOO_LARGE_413, "error.payload-too-large");
            }
            return body;
        } catch (IOException e) {
            throw HttpError.badRequest("api.error.malformed-json");
        }
    }

    /** "phases[0].endsOn" from Jackson's reference path. */
    static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    public static void send(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8"));
        try {
            res.send(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass(), e);
        }
    }

    public static void ok(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    /** 201 with the new object's API URL in Location. */
    public static void created(ServerResponse res, String location, Object body) {
        res.header(HeaderNames.LOCATION, location);
        send(res, Status.CREATED_201, body);
    }

    public static void noContent(ServerResponse res) {
        res.status(Status.NO_CONTENT_204);
        res.send();
    }
}
