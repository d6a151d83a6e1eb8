package de.offenekommune.node.region;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for {@code region_member_figures}: the figures each member published, as last fetched. */
public final class MemberFiguresRepository {

    /** Figures of a member and when the region fetched them. */
    public record Fetched(ParticipationFigures figures, Instant fetchedAt) {
    }

    void save(Sql tx, String ags, ParticipationFigures f, Instant fetchedAt) {
        tx.update("""
                INSERT INTO region_member_figures (ags, generated_at, fetched_at, projects_open, proposals_30,
                    proposals_365, supports_30, supports_365, comments_30, comments_365, responses_30, responses_365)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (ags) DO UPDATE SET generated_at = excluded.generated_at, fetched_at = excluded.fetched_at,
                    projects_open = excluded.projects_open, proposals_30 = excluded.proposals_30,
                    proposals_365 = excluded.proposals_365, supports_30 = excluded.supports_30,
                    supports_365 = excluded.supports_365, comments_30 = excluded.comments_30,
                    comments_365 = excluded.comments_365, responses_30 = excluded.responses_30,
                    responses_365 = excluded.responses_365""",
                ags, f.generatedAt(), fetchedAt, f.projectsOpen(), f.last30().proposals(), f.last365().proposals(),
                f.last30().supports(), f.last365().supports(), f.last30().comments(), f.last365().comments(),
                f.last30().surveyResponses(), f.last365().surveyResponses());
    }

    /** Every member's figures, by key, in one query. */
    Map<String, Fetched> all(Sql sql) {
        Map<String, Fetched> out = new HashMap<>();
        sql.list("SELECT * FROM region_member_figures LIMIT ?", MemberFiguresRepository::fetched,
                RegionMemberRepository.MAX_MEMBERS).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Map.Entry<String, Fetched> fetched(Row r) {
        ParticipationFigures f = new ParticipationFigures(r.instant("generated_at"), r.integer("projects_open"),
                new ParticipationFigures.Period(30, r.integer("proposals_30"), r.integer("supports_30"),
                        r.integer("comments_30"), r.integer("responses_30")),
                new ParticipationFigures.Period(365, r.integer("proposals_365"), r.integer("supports_365"),
                        r.integer("comments_365"), r.integer("responses_365")));
        return Map.entry(r.str("ags"), new Fetched(f, r.instant("fetched_at")));
    }
}
