package de.offenekommune.node.proposal;

/**
 * The topics citizens file proposals under (the same vocabulary as projects, so a town's lists
 * can be filtered alike). Labels come from the bundles ({@code topic.VERKEHR}).
 */
public enum Topic {
    VERKEHR, UMWELT, BAUEN, BILDUNG, SOZIALES, KULTUR, WIRTSCHAFT, VERWALTUNG;

    /** @return the topic, or null for an unknown value (the caller turns that into a field error) */
    public static Topic parse(String value) {
        for (Topic t : values()) {
            if (t.name().equals(value)) {
                return t;
            }
        }
        return null;
    }
}
