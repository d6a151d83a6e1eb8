package de.offenekommune.node.project;

import java.util.List;
import java.util.Optional;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for a project's phases and links. */
public final class ProjectPartsRepository {

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
