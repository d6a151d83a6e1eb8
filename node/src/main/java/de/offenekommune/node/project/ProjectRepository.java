package de.offenekommune.node.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.offenekommune.node.db.PgArrays;
import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.topic.Topic;

/** SQL for projects. Lists load in one query each, with today's phase joined in. */
public final class ProjectRepository {
    private static final String COLUMNS = "p.id, p.slug, p.kind, p.title, p.summary, p.description, "
            + "p.description_html, p.location_name, p.latitude, p.longitude, p.topics, p.department, p.created_at, "
            + "p.updated_at, p.deleted_at";
    private static final String SUMMARY_COLUMNS = "p.id, p.slug, p.kind, p.title, p.summary, p.topics, "
            + "p.location_name, p.updated_at, cp.id AS phase_id, cp.kind AS phase_kind, cp.title AS phase_title, "
            + "cp.starts_on, cp.ends_on";
    /** The phase running on a day; with overlapping phases the one that started last. */
    private static final String CURRENT_PHASE = """
            LEFT JOIN LATERAL (SELECT ph.id, ph.kind, ph.title, ph.starts_on, ph.ends_on FROM project_phase ph
                               WHERE ph.project_id = p.id AND ph.starts_on <= ? AND ph.ends_on >= ?
                               ORDER BY ph.starts_on DESC, ph.id DESC LIMIT 1) cp ON true""";

    static Project map(Row r) {
        return new Project(r.lng("id"), r.str("slug"), r.enumOf(ProjectKind.class, "kind"), r.str("title"),
                r.str("summary"), r.str("description"), r.str("description_html"), r.str("location_name"),
                r.dblOrNull("latitude"), r.dblOrNull("longitude"), topics(r), r.str("department"),
                r.instant("created_at"), r.instant("updated_at"), r.instant("deleted_at"));
    }

    private static List<Topic> topics(Row r) {
        return r.strings("topics").stream().map(Topic::valueOf).toList();
    }

    private static ProjectSummary mapSummary(Row r) {
        Long phaseId = r.lngOrNull("phase_id");
        Phase phase = phaseId == null ? null : new Phase(phaseId, r.lng("id"),
                r.enumOf(PhaseKind.class, "phase_kind"), r.str("phase_title"), "", r.date("starts_on"),
                r.date("ends_on"));
        return new ProjectSummary(r.lng("id"), r.str("slug"), r.enumOf(ProjectKind.class, "kind"), r.str("title"),
                r.str("summary"), topics(r), r.str("location_name"), phase, r.instant("updated_at"));
    }

    /** Slugs equal to {@code base} or of the form {@code base-N}. */
    Set<String> takenSlugs(Sql sql, String base) {
        return new HashSet<>(sql.list("SELECT slug FROM project WHERE slug = ? OR slug LIKE ?",
                r -> r.str("slug"), base, base + "-%"));
    }

    /** @return the new id, or empty if the slug was taken in the meantime */
    Optional<Long> insert(Sql sql, String slug, ProjectValidator.ProjectData d, Instant now) {
        return sql.one("""
                INSERT INTO project (slug, kind, title, summary, description, description_html, location_name,
                                     latitude, longitude, topics, department, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS text[]), ?, ?, ?)
                ON CONFLICT (slug) DO NOTHING
                RETURNING id""", r -> r.lng("id"), slug, d.kind(), d.title(), d.summary(), d.description(),
                d.descriptionHtml(), d.locationName(), d.latitude(), d.longitude(), topicArray(d.topics()),
                d.department(), now, now);
    }

    boolean update(Sql sql, long id, ProjectValidator.ProjectData d, Instant now) {
        return sql.update("""
                UPDATE project SET kind = ?, title = ?, summary = ?, description = ?, description_html = ?,
                       location_name = ?, latitude = ?, longitude = ?, topics = CAST(? AS text[]), department = ?,
                       updated_at = ?
                WHERE id = ? AND deleted_at IS NULL""", d.kind(), d.title(), d.summary(), d.description(),
                d.descriptionHtml(), d.locationName(), d.latitude(), d.longitude(), topicArray(d.topics()),
                d.department(), now, id) == 1;
    }

    boolean touch(Sql sql, long id, Instant now) {
        return sql.update("UPDATE project SET updated_at = ? WHERE id = ? AND deleted_at IS NULL", now, id) == 1;
    }

    boolean softDelete(Sql sql, long id, Instant now) {
        return sql.update("UPDATE project SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                now, now, id) == 1;
    }

    /** Also deleted ones: their pages answer 410 Gone. */
    public Optional<Project> byId(Sql sql, long id) {
        return sql.one("SELECT " + COLUMNS + " FROM project p WHERE p.id = ?", ProjectRepository::map, id);
    }

    /** A project with its phases and links, and which of its other parts exist. */
    public record WithParts(Project project, List<Phase> phases, List<ProjectLink> links, ProjectParts present) {
    }

    /** {@link #bySlug} with the project's phases and links and what else it has, in one statement (the project page's). */
    public Optional<WithParts> bySlugWithParts(Sql sql, String slug) {
        return sql.one("SELECT " + COLUMNS + ", " + ProjectPartsRepository.PARTS_AS_JSON + ", "
                        + ProjectPartsRepository.PRESENT + " FROM project p WHERE p.slug = ?",
                r -> {
                    Project p = map(r);
                    return new WithParts(p, ProjectPartsRepository.phasesOf(p.id(), r.str("phases_json")),
                            ProjectPartsRepository.linksOf(p.id(), r.str("links_json")),
                            new ProjectParts(r.bool("has_news"), r.bool("has_events"), r.bool("has_surveys"),
                                    r.bool("has_statements")));
                }, slug);
    }

    public Optional<Project> bySlug(Sql sql, String slug) {
        return sql.one("SELECT " + COLUMNS + " FROM project p WHERE p.slug = ?", ProjectRepository::map, slug);
    }

    /** One page of the public list, newest first, keyset-paged by id. */
    public List<ProjectSummary> page(Sql sql, ProjectFilter f, LocalDate today, int limit) {
        StringBuilder where = new StringBuilder(" WHERE p.deleted_at IS NULL");
        List<Object> params = new ArrayList<>(List.of(today, today));
        if (f.afterId() > 0) {
            where.append(" AND p.id < ?");
            params.add(f.afterId());
        }
        if (f.kind() != null) {
            where.append(" AND p.kind = ?");
            params.add(f.kind());
        }
        if (f.topic() != null) {
            where.append(" AND p.topics @> CAST(? AS text[])");
            params.add(topicArray(List.of(f.topic())));
        }
        if (f.phase() != null) {
            where.append(" AND cp.kind = ?");
            params.add(f.phase());
        }
        params.add(limit);
        return sql.list("SELECT " + SUMMARY_COLUMNS + " FROM project p " + CURRENT_PHASE + where
                + " ORDER BY p.id DESC LIMIT ?", ProjectRepository::mapSummary, params.toArray());
    }

    /**
     * Projects with a phase running today, those in participation first, then by the end of their
     * phase. Starts from the (few) running phases, not from all projects.
     */
    public List<ProjectSummary> current(Sql sql, LocalDate today, int limit) {
        return sql.list("""
                SELECT p.id, p.slug, p.kind, p.title, p.summary, p.topics, p.location_name, p.updated_at,
                       cp.id AS phase_id, cp.kind AS phase_kind, cp.title AS phase_title, cp.starts_on, cp.ends_on
                FROM (SELECT DISTINCT ON (ph.project_id) ph.project_id, ph.id, ph.kind, ph.title, ph.starts_on,
                             ph.ends_on
                      FROM project_phase ph WHERE ph.ends_on >= ? AND ph.starts_on <= ?
                      ORDER BY ph.project_id, ph.starts_on DESC, ph.id DESC) cp
                JOIN project p ON p.id = cp.project_id AND p.deleted_at IS NULL
                ORDER BY (cp.kind = 'PARTICIPATION') DESC, cp.ends_on, p.id DESC
                LIMIT ?""", ProjectRepository::mapSummary, today, today, limit);
    }

    /** Recently changed projects for the town feed. */
    public List<Project> recentlyUpdated(Sql sql, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM project p WHERE p.deleted_at IS NULL "
                + "ORDER BY p.updated_at DESC, p.id DESC LIMIT ?", ProjectRepository::map, limit);
    }

    /** Titles and slugs of live projects for choice lists (e.g. the event form), bounded. */
    public List<ProjectRef> refs(Sql sql, int limit) {
        return sql.list("SELECT id, slug, title FROM project WHERE deleted_at IS NULL ORDER BY title, id LIMIT ?",
                r -> new ProjectRef(r.lng("id"), r.str("slug"), r.str("title")), limit);
    }

    /** A project's id, slug and title only. */
    public record ProjectRef(long id, String slug, String title) {
        public String path() {
            return "/projekte/" + slug;
        }
    }

    static String topicArray(List<Topic> topics) {
        return PgArrays.texts(topics.stream().map(Topic::name).toList());
    }
}
