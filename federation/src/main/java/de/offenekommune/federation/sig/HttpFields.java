package de.offenekommune.federation.sig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** HTTP header fields with case-insensitive names, keeping every value of a repeated field in order. */
public final class HttpFields {
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    public static HttpFields create() {
        return new HttpFields();
    }

    public HttpFields add(String name, String value) {
        fields.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    public HttpFields set(String name, String value) {
        List<String> values = new ArrayList<>();
        values.add(value);
        fields.put(name.toLowerCase(Locale.ROOT), values);
        return this;
    }

    public HttpFields remove(String name) {
        fields.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    public List<String> all(String name) {
        return Collections.unmodifiableList(fields.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public boolean contains(String name) {
        return fields.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The combined field value (RFC 9110 section 5.3): every value trimmed, joined with ", ". Both
     * signature schemes sign this form, so a proxy may fold or split lines without breaking them.
     */
    public Optional<String> combined(String name) {
        List<String> values = all(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<String> trimmed = new ArrayList<>(values.size());
        for (String v : values) {
            trimmed.add(v.strip());
        }
        return Optional.of(String.join(", ", trimmed));
    }

    /** Lower-case names in insertion order. */
    public List<String> names() {
        return List.copyOf(fields.keySet());
    }

    public HttpFields copy() {
        HttpFields copy = new HttpFields();
        fields.forEach((k, v) -> copy.fields.put(k, new ArrayList<>(v)));
        return copy;
    }
}
