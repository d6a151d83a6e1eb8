package de.offenekommune.node.topic;

import java.util.Locale;
import java.util.Optional;

/**
 * The one topic vocabulary of a node: projects and proposals are tagged from it, so a town's lists
 * filter alike and search results can name the topic. The enum name is stored and used by forms and
 * the API; the {@code code} is the German value in filter URLs ({@code ?thema=verkehr}). Labels come
 * from the bundles ({@code topic.TRANSPORT}).
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

    /** The topic of a URL code ("verkehr"), exactly as links write it. */
    public static Optional<Topic> byCode(String code) {
        for (Topic t : values()) {
            if (t.code.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The topic named by an enum name ("TRANSPORT") or a code in any case. Proposal links and forms
     * once used the upper-case German codes ("VERKEHR"); they keep working.
     */
    public static Optional<Topic> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        for (Topic t : values()) {
            if (t.name().equals(v)) {
                return Optional.of(t);
            }
        }
        return byCode(v.toLowerCase(Locale.ROOT));
    }
}
