package de.offenekommune.node.region;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.Page;

/**
 * The town's own participation figures, counted in one statement from its database and kept for a
 * few seconds (regions fetch them now and then; a burst of requests costs one count).
 */
public final class OwnFigures {
    static final Duration CACHE = Duration.ofSeconds(5);

    private final Sql sql;
    private final Clock clock;
    private final AtomicReference<ParticipationFigures> cached = new AtomicReference<>();

    public OwnFigures(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    public ParticipationFigures current() {
        Instant now = clock.instant();
        ParticipationFigures c = cached.get();
        if (c != null && c.generatedAt().plus(CACHE).isAfter(now)) {
            return c;
        }
        ParticipationFigures fresh = count(sql, now, LocalDate.ofInstant(now, Page.ZONE));
        cached.set(fresh);
        return fresh;
    }

    /** The definitions of docs/FEDERATION.md ("Participation figures"), in one statement. */
    static ParticipationFigures count(Sql sql, Instant now, LocalDate today) {
        Instant d30 = now.minus(Duration.ofDays(30));
        Instant d365 = now.minus(Duration.ofDays(365));
        return sql.one("""
                SELECT (SELECT count(DISTINCT ph.project_id) FROM project_phase ph
                        JOIN project p ON p.id = ph.project_id AND p.deleted_at IS NULL
                        WHERE ph.starts_on <= ? AND ph.ends_on >= ?) AS projects_open,
                       (SELECT count(*) FROM proposal WHERE deleted_at IS NULL AND created_at > ?) AS proposals_30,
                       (SELECT count(*) FROM proposal WHERE deleted_at IS NULL AND created_at > ?) AS proposals_365,
                       (SELECT count(*) FROM support s JOIN proposal p ON p.id = s.proposal_id AND p.deleted_at IS NULL
                        WHERE s.created_at > ?) AS supports_30,
                       (SELECT count(*) FROM support s JOIN proposal p ON p.id = s.proposal_id AND p.deleted_at IS NULL
                        WHERE s.created_at > ?) AS supports_365,
                       (SELECT count(*) FROM comment WHERE deleted_at IS NULL AND created_at > ?) AS comments_30,
                       (SELECT count(*) FROM comment WHERE deleted_at IS NULL AND created_at > ?) AS comments_365,
                       (SELECT count(*) FROM survey_response r JOIN survey s ON s.id = r.survey_id
                        AND s.deleted_at IS NULL WHERE r.created_at > ?) AS responses_30,
                       (SELECT count(*) FROM survey_response r JOIN survey s ON s.id = r.survey_id
                        AND s.deleted_at IS NULL WHERE r.created_at > ?) AS responses_365""",
                r -> new ParticipationFigures(now, r.integer("projects_open"),
                        new ParticipationFigures.Period(30, r.integer("proposals_30"), r.integer("supports_30"),
                                r.integer("comments_30"), r.integer("responses_30")),
                        new ParticipationFigures.Period(365, r.integer("proposals_365"), r.integer("supports_365"),
                                r.integer("comments_365"), r.integer("responses_365"))),
                today, today, d30, d365, d30, d365, d30, d365, d30, d365).orElseThrow();
    }
}
