package de.offenekommune.node.project;

import java.util.Optional;

/**
 * The small topic vocabulary projects are tagged with (stored by name in a text[] column); the
 * {@code code} is the value in filter URLs.
 */
public enum Topic {
    TRANSPORT("verkehr"),
    ENVIRONMENT("umwelt"),
    BUILDING("bauen"),
    EDUCATION("bildung"),
    SOCIAL("soziales"),
    CULTURE("kultur"),
    ECONOMY("wirtschaft"),
    ADMINISTRATION("verwaltung"),
    SPORT("sport"),
    HEALTH("gesundheit");

    private final String code;

    Topic(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Topic> byCode(String code) {
        for (Topic t : values()) {
            if (t.code.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
