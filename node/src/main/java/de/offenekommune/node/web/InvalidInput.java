package de.offenekommune.node.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.helidon.http.Status;

/**
 * Field-level validation failures (field name to message key). Pages show them next to the fields;
 * the JSON API returns them as {@code {"error": "invalid", "fields": {...}}}; the status is 400.
 */
public final class InvalidInput extends RuntimeException {
    private final Map<String, String> fields;

    public InvalidInput(Map<String, String> fields) {
        super("invalid input: " + fields.keySet());
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static InvalidInput of(String field, String messageKey) {
        return new InvalidInput(Map.of(field, messageKey));
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Status status() {
        return Status.BAD_REQUEST_400;
    }

    /** Collects errors while checking several fields, then throws once. */
    public static final class Collector {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public Collector check(boolean ok, String field, String messageKey) {
            if (!ok) {
                errors.putIfAbsent(field, messageKey);
            }
            return this;
        }

        public boolean has(String field) {
            return errors.containsKey(field);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
