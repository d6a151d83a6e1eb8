package de.offenekommune.node.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import de.offenekommune.node.activitypub.neighbourhood.NeighbourItem;
import de.offenekommune.node.activitypub.neighbourhood.NeighbourRepository;
import de.offenekommune.node.db.PgArrays;
import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.project.PhaseKind;

/**
 * SQL for the regional overview: the members' live items ({@code ap_neighbour_item} of the towns in
 * {@code region_member}), each page one query with today's phase joined in, newest first, keyset-paged
 * on {@code (published_at, id)}.
 */
public final class RegionItemRepository {
    private static final String SELECT = """
            SELECT i.id, i.kind, i.name, i.summary, i.url, i.proposal_status, i.local_supports, i.remote_supports,
                   i.published_at, i.project_kind, i.topics, i.location_name, i.latitude, i.longitude, i.starts_at,
                   i.ends_at, i.part_ids, m.ags, cp.kind AS phase_kind
            FROM ap_neighbour_item i
            JOIN region_member m ON m.actor_uri = i.neighbour_actor
            LEFT JOIN LATERAL (SELECT ph.kind FROM ap_neighbour_item_phase ph
                               WHERE ph.item_id = i.id AND ph.starts_on <= ? AND ph.ends_on >= ?
                               ORDER BY ph.starts_on DESC, ph.position DESC LIMIT 1) cp ON true
            WHERE i.deleted_at IS NULL""";

    /** One page of the overview. */
    List<RegionItem> page(Sql sql, RegionFilter f, LocalDate today, int limit, Function<String, String> names) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>(List.of(today, today));
        if (f.ags() != null) {
            where.append(" AND m.ags = ?");
            params.add(f.ags());
        }
        if (f.kind() != null) {
            where.append(" AND i.kind = ?");
            params.add(f.kind().stored());
        }
        if (f.projectKind() != null) {
            where.append(" AND i.project_kind = ?");
            params.add(f.projectKind().name());
        }
        if (f.topic() != null) {
            where.append(" AND i.topics @> CAST(? AS text[])");
            params.add(PgArrays.texts(List.of(f.topic().name())));
        }
        if (f.phase() != null) {
            where.append(" AND cp.kind = ?");
            params.add(f.phase().name());
        }
        if (f.afterId() > 0) {
            where.append(" AND (i.published_at, i.id) < (SELECT c.published_at, c.id FROM ap_neighbour_item c"
                    + " WHERE c.id = ?)");
            params.add(f.afterId());
        }
        params.add(limit);
        return sql.list(SELECT + where + " ORDER BY i.published_at DESC, i.id DESC LIMIT ?", r -> item(r, names),
                params.toArray());
    }

    /** Live located projects and events of the members, newest first, bounded: the map's markers. */
    List<RegionItem> located(Sql sql, LocalDate today, int limit, Function<String, String> names) {
        return sql.list(SELECT + " AND i.latitude IS NOT NULL AND i.kind IN ('PROJECT', 'EVENT')"
                + " ORDER BY i.published_at DESC, i.id DESC LIMIT ?", r -> item(r, names), today, today, limit);
    }

    private static RegionItem item(Row r, Function<String, String> names) {
        String phase = r.str("phase_kind");
        Integer local = r.intOrNull("local_supports");
        Integer remote = r.intOrNull("remote_supports");
        String ags = r.str("ags");
        return new RegionItem(r.lng("id"), ItemKind.of(r.enumOf(NeighbourItem.Kind.class, "kind")), ags,
                names.apply(ags), r.str("name"), r.str("summary"), r.str("url"), NeighbourRepository.details(r),
                phase == null ? null : PhaseKind.valueOf(phase), r.str("proposal_status"),
                local == null && remote == null ? null : (local == null ? 0 : local) + (remote == null ? 0 : remote),
                r.instant("published_at"));
    }
}
