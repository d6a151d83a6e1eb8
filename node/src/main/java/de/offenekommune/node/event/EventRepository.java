package de.offenekommune.node.event;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for events, joined with their project's slug and title (one query per list). */
public final class EventRepository {
    private static final String SELECT = "SELECT e.id, e.project_id, p.slug, p.title AS project_title, e.title, "
            + "e.summary, e.description, e.description_html, e.starts_at, e.ends_at, e.place_name, e.place_address, "
            + "e.latitude, e.longitude, e.created_at, e.updated_at, e.deleted_at "
            + "FROM event e LEFT JOIN project p ON p.id = e.project_id AND p.deleted_at IS NULL ";

    private static Event map(Row r) {
        return new Event(r.lng("id"), r.lngOrNull("project_id"), r.str("slug"), r.str("project_title"),
                r.str("title"), r.str("summary"), r.str("description"), r.str("description_html"),
                r.instant("starts_at"), r.instant("ends_at"), r.str("place_name"), r.str("place_address"),
                r.dblOrNull("latitude"), r.dblOrNull("longitude"), r.instant("created_at"), r.instant("updated_at"),
                r.instant("deleted_at"));
    }

    /** Also deleted ones: their pages answer 410 Gone. */
    public Optional<Event> byId(Sql sql, long id) {
        return sql.one(SELECT + "WHERE e.id = ?", EventRepository::map, id);
    }

    /** Events not yet over, soonest first, keyset-paged by (starts_at, id) after event {@code afterId}. */
    public List<Event> upcoming(Sql sql, Instant now, long afterId, int limit) {
        return sql.list(SELECT + """
                WHERE e.deleted_at IS NULL AND e.ends_at >= ?
                  AND (? = 0 OR (e.starts_at, e.id) > (SELECT c.starts_at, c.id FROM event c WHERE c.id = ?))
                ORDER BY e.starts_at, e.id LIMIT ?""", EventRepository::map, now, afterId, afterId, limit);
    }

    public List<Event> upcomingOfProject(Sql sql, long projectId, Instant now, int limit) {
        return sql.list(SELECT + "WHERE e.project_id = ? AND e.deleted_at IS NULL AND e.ends_at >= ? "
                + "ORDER BY e.starts_at, e.id LIMIT ?", EventRepository::map, projectId, now, limit);
    }

    /** A project's events not yet over (soonest first) and past ones (latest first). */
    public record OfProject(List<Event> upcoming, List<Event> past) {
        public static final OfProject NONE = new OfProject(List.of(), List.of());
    }

    /** {@link #upcomingOfProject} and {@link #pastOfProject} in one statement (the project page's). */
    public OfProject ofProject(Sql sql, long projectId, Instant now, int upcomingLimit, int pastLimit) {
        String columns = SELECT.substring("SELECT ".length());
        List<Row> rows = sql.list("(SELECT true AS upcoming, " + columns
                + "WHERE e.project_id = ? AND e.deleted_at IS NULL AND e.ends_at >= ? ORDER BY e.starts_at, e.id LIMIT "
                + Math.max(0, upcomingLimit) + ") UNION ALL (SELECT false AS upcoming, " + columns
                + "WHERE e.project_id = ? AND e.deleted_at IS NULL AND e.ends_at < ? "
                + "ORDER BY e.starts_at DESC, e.id DESC LIMIT " + Math.max(0, pastLimit) + ")",
                r -> r, projectId, now, projectId, now);
        Comparator<Event> soonest = Comparator.comparing(Event::startsAt).thenComparingLong(Event::id);
        List<Event> upcoming = rows.stream().filter(r -> r.bool("upcoming")).map(EventRepository::map)
                .sorted(soonest).toList();
        List<Event> past = rows.stream().filter(r -> !r.bool("upcoming")).map(EventRepository::map)
                .sorted(soonest.reversed()).toList();
        return new OfProject(upcoming, past);
    }

    public List<Event> pastOfProject(Sql sql, long projectId, Instant now, int limit) {
        return sql.list(SELECT + "WHERE e.project_id = ? AND e.deleted_at IS NULL AND e.ends_at < ? "
                + "ORDER BY e.starts_at DESC, e.id DESC LIMIT ?", EventRepository::map, projectId, now, limit);
    }

    /** The calendar feed: events that ended after {@code since}, in start order, bounded. */
    public List<Event> since(Sql sql, Instant since, int limit) {
        return sql.list(SELECT + "WHERE e.deleted_at IS NULL AND e.ends_at >= ? ORDER BY e.starts_at, e.id LIMIT ?",
                EventRepository::map, since, limit);
    }

    /** All live events, newest id first, keyset-paged (the API list). */
    public List<Event> page(Sql sql, long beforeId, int limit) {
        return sql.list(SELECT + "WHERE e.deleted_at IS NULL AND e.id < ? ORDER BY e.id DESC LIMIT ?",
                EventRepository::map, beforeId, limit);
    }

    long insert(Sql sql, EventValidator.EventData d, Instant now) {
        return sql.one("""
                INSERT INTO event (project_id, title, summary, description, description_html, starts_at, ends_at,
                                   place_name, place_address, latitude, longitude, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", r -> r.lng("id"), d.projectId(),
                d.title(), d.summary(), d.description(), d.descriptionHtml(), d.startsAt(), d.endsAt(), d.placeName(),
                d.placeAddress(), d.latitude(), d.longitude(), now, now).orElseThrow();
    }

    boolean update(Sql sql, long id, EventValidator.EventData d, Instant now) {
        return sql.update("""
                UPDATE event SET project_id = ?, title = ?, summary = ?, description = ?, description_html = ?,
                       starts_at = ?, ends_at = ?, place_name = ?, place_address = ?, latitude = ?, longitude = ?,
                       updated_at = ?
                WHERE id = ? AND deleted_at IS NULL""", d.projectId(), d.title(), d.summary(), d.description(),
                d.descriptionHtml(), d.startsAt(), d.endsAt(), d.placeName(), d.placeAddress(), d.latitude(),
                d.longitude(), now, id) == 1;
    }

    boolean softDelete(Sql sql, long id, Instant now) {
        return sql.update("UPDATE event SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                now, now, id) == 1;
    }

    boolean projectIsLive(Sql sql, long projectId) {
        return sql.exists("SELECT 1 FROM project WHERE id = ? AND deleted_at IS NULL", projectId);
    }
}
