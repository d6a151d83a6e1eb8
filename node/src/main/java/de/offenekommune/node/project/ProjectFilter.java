package de.offenekommune.node.project;

import de.offenekommune.node.topic.Topic;

/**
 * What the project list shows: each filter null for "all"; {@code afterId} is the keyset cursor
 * (the last id of the previous page, 0 for the first page).
 */
public record ProjectFilter(PhaseKind phase, Topic topic, ProjectKind kind, long afterId) {

    public static ProjectFilter all() {
        return new ProjectFilter(null, null, null, 0);
    }

    public ProjectFilter after(long id) {
        return new ProjectFilter(phase, topic, kind, id);
    }

    /** The query string for this filter (without cursor), for links to further pages. */
    public String query() {
        StringBuilder q = new StringBuilder();
        if (phase != null) {
            q.append("&phase=").append(phase.code());
        }
        if (topic != null) {
            q.append("&thema=").append(topic.code());
        }
        if (kind != null) {
            q.append("&art=").append(kind.code());
        }
        return q.isEmpty() ? "" : q.substring(1);
    }
}
