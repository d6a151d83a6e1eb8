package de.offenekommune.node.region;

import de.offenekommune.node.project.PhaseKind;
import de.offenekommune.node.project.ProjectKind;
import de.offenekommune.node.topic.Topic;

/**
 * What the regional overview shows: each filter null for "all"; {@code afterId} is the keyset
 * cursor (the last item of the previous page, 0 for the first page).
 *
 * @param ags         one member town ({@code ?gemeinde=09184119})
 * @param kind        projects, proposals, surveys or events ({@code ?art=projekt})
 * @param projectKind a kind of project ({@code ?projektart=bauvorhaben}); only projects match
 * @param phase       the phase running today ({@code ?phase=beteiligung}); only projects match
 */
public record RegionFilter(String ags, ItemKind kind, ProjectKind projectKind, PhaseKind phase, Topic topic,
                           long afterId) {

    public static RegionFilter all() {
        return new RegionFilter(null, null, null, null, null, 0);
    }

    public RegionFilter after(long id) {
        return new RegionFilter(ags, kind, projectKind, phase, topic, id);
    }

    /** The query string for this filter (without cursor), for links to further pages. */
    public String query() {
        StringBuilder q = new StringBuilder();
        append(q, "gemeinde", ags);
        append(q, "art", kind == null ? null : kind.code());
        append(q, "projektart", projectKind == null ? null : projectKind.code());
        append(q, "phase", phase == null ? null : phase.code());
        append(q, "thema", topic == null ? null : topic.code());
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(q.isEmpty() ? "" : "&").append(name).append('=').append(value);
        }
    }
}
