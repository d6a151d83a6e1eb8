package de.offenekommune.node.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for a project's phases and links. */
public final class ProjectPartsRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A project's phases and links as two JSON arrays of arrays, as columns of a statement over
     * {@code project p}: the project page reads the project and its parts in one statement.
     */
    static final String PARTS_AS_JSON = """
            (SELECT coalesce(json_agg(json_build_array(ph.id, ph.kind, ph.title, ph.description, ph.starts_on,
                    ph.ends_on) ORDER BY ph.starts_on, ph.id), '[]') FROM project_phase ph WHERE ph.project_id = p.id)
                AS phases_json,
            (SELECT coalesce(json_agg(json_build_array(pl.id, pl.title, pl.url, pl.position) ORDER BY pl.position, pl.id),
                    '[]') FROM project_link pl WHERE pl.project_id = p.id) AS links_json""";

    /**
     * Whether a project has any news, events, surveys or statements at all (each an index probe), as
     * columns of a statement over {@code project p}: the page runs only the queries of parts that
     * exist, and most projects have few of them. A superset of what the pages show (also unpublished
     * news, past events): true only means "look".
     */
    static final String PRESENT = """
            EXISTS (SELECT 1 FROM project_news n WHERE n.project_id = p.id AND n.deleted_at IS NULL) AS has_news,
            EXISTS (SELECT 1 FROM event e WHERE e.project_id = p.id AND e.deleted_at IS NULL) AS has_events,
            EXISTS (SELECT 1 FROM survey s WHERE s.project_id = p.id AND s.deleted_at IS NULL) AS has_surveys,
            EXISTS (SELECT 1 FROM statement st WHERE st.target_kind = 'project' AND st.target_id = p.id)
                AS has_statements""";

    /** The phases of {@link #PARTS_AS_JSON}, in the order of {@link #phases}. */
    static List<Phase> phasesOf(long projectId, String json) {
        List<Phase> phases = new ArrayList<>();
        for (JsonNode a : read(json)) {
            phases.add(new Phase(a.get(0).asLong(), projectId, PhaseKind.valueOf(a.get(1).asText()), text(a.get(2)),
                    text(a.get(3)), LocalDate.parse(a.get(4).asText()), LocalDate.parse(a.get(5).asText())));
        }
        return phases;
    }

    /** The links of {@link #PARTS_AS_JSON}, in the order of {@link #links}. */
    static List<ProjectLink> linksOf(long projectId, String json) {
        List<ProjectLink> links = new ArrayList<>();
        for (JsonNode a : read(json)) {
            links.add(new ProjectLink(a.get(0).asLong(), projectId, text(a.get(1)), text(a.get(2)), a.get(3).asInt()));
        }
        return links;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable parts of a project: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Phase mapPhase(Row r) {
        return new Phase(r.lng("id"), r.lng("project_id"), r.enumOf(PhaseKind.class, "kind"), r.str("title"),
                r.str("description"), r.date("starts_on"), r.date("ends_on"));
    }

    private static ProjectLink mapLink(Row r) {
        return new ProjectLink(r.lng("id"), r.lng("project_id"), r.str("title"), r.str("url"), r.integer("position"));
    }

    public List<Phase> phases(Sql sql, long projectId) {
        return sql.list("SELECT id, project_id, kind, title, description, starts_on, ends_on FROM project_phase "
                + "WHERE project_id = ? ORDER BY starts_on, id", ProjectPartsRepository::mapPhase, projectId);
    }

    public Optional<Phase> phase(Sql sql, long id) {
        return sql.one("SELECT id, project_id, kind, title, description, starts_on, ends_on FROM project_phase "
                + "WHERE id = ?", ProjectPartsRepository::mapPhase, id);
    }

    long insertPhase(Sql sql, long projectId, ProjectValidator.PhaseData d) {
        return sql.one("INSERT INTO project_phase (project_id, kind, title, description, starts_on, ends_on) "
                        + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id", r -> r.lng("id"), projectId, d.kind(), d.title(),
                d.description(), d.startsOn(), d.endsOn()).orElseThrow();
    }

    boolean updatePhase(Sql sql, long id, ProjectValidator.PhaseData d) {
        return sql.update("UPDATE project_phase SET kind = ?, title = ?, description = ?, starts_on = ?, ends_on = ? "
                + "WHERE id = ?", d.kind(), d.title(), d.description(), d.startsOn(), d.endsOn(), id) == 1;
    }

    boolean deletePhase(Sql sql, long id) {
        return sql.update("DELETE FROM project_phase WHERE id = ?", id) == 1;
    }

    void deletePhases(Sql sql, long projectId) {
        sql.update("DELETE FROM project_phase WHERE project_id = ?", projectId);
    }

    public List<ProjectLink> links(Sql sql, long projectId) {
        return sql.list("SELECT id, project_id, title, url, position FROM project_link WHERE project_id = ? "
                + "ORDER BY position, id", ProjectPartsRepository::mapLink, projectId);
    }

    public Optional<ProjectLink> link(Sql sql, long id) {
        return sql.one("SELECT id, project_id, title, url, position FROM project_link WHERE id = ?",
                ProjectPartsRepository::mapLink, id);
    }

    /** Appends the link after the project's others. */
    long insertLink(Sql sql, long projectId, ProjectValidator.LinkData d) {
        return sql.one("""
                INSERT INTO project_link (project_id, title, url, position)
                VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM project_link WHERE project_id = ?))
                RETURNING id""", r -> r.lng("id"), projectId, d.title(), d.url(), projectId).orElseThrow();
    }

    boolean updateLink(Sql sql, long id, ProjectValidator.LinkData d) {
        return sql.update("UPDATE project_link SET title = ?, url = ? WHERE id = ?", d.title(), d.url(), id) == 1;
    }

    boolean deleteLink(Sql sql, long id) {
        return sql.update("DELETE FROM project_link WHERE id = ?", id) == 1;
    }

    void deleteLinks(Sql sql, long projectId) {
        sql.update("DELETE FROM project_link WHERE project_id = ?", projectId);
    }
}
