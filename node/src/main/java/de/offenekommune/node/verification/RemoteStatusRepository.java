package de.offenekommune.node.verification;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.offenekommune.node.db.PgArrays;
import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/**
 * {@code verification_remote_status}: written by the checks of remote organisations, read by every
 * page that shows their content (joined into the page's own query, so badges cost no extra query).
 */
public final class RemoteStatusRepository {

    public void save(Sql sql, RemoteStatus s) {
        sql.update("""
                INSERT INTO verification_remote_status (actor_uri, verified, reason, detail, issuer, trust_role, category,
                                                        legal_name, domain, ags, valid_until, checked_at, next_check_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (actor_uri) DO UPDATE SET verified = excluded.verified, reason = excluded.reason,
                    detail = excluded.detail, issuer = excluded.issuer, trust_role = excluded.trust_role,
                    category = excluded.category, legal_name = excluded.legal_name, domain = excluded.domain,
                    ags = excluded.ags, valid_until = excluded.valid_until, checked_at = excluded.checked_at,
                    next_check_at = excluded.next_check_at""",
                s.actorUri(), s.verified(), s.reason(), s.detail(), s.issuer(), s.trustRole(), s.category(),
                s.legalName(), s.domain(), s.ags(), s.validUntil(), s.checkedAt(), s.nextCheckAt());
    }

    public Optional<RemoteStatus> byActor(Sql sql, String actorUri) {
        return sql.one("SELECT * FROM verification_remote_status WHERE actor_uri = ?", RemoteStatusRepository::map,
                actorUri);
    }

    /** Actors whose next check is due, oldest first. */
    public List<String> due(Sql sql, Instant now, int limit) {
        return sql.list("SELECT actor_uri FROM verification_remote_status WHERE next_check_at <= ? "
                + "ORDER BY next_check_at LIMIT ?", r -> r.str("actor_uri"), now, limit);
    }

    /** The town badges of these actors (attested as a municipality's node, valid now), in one query. */
    public Map<String, TownBadge> townBadges(Sql sql, Collection<String> actors) {
        if (actors.isEmpty()) {
            return Map.of();
        }
        Map<String, TownBadge> badges = new HashMap<>();
        sql.list("""
                SELECT actor_uri, legal_name, ags FROM verification_remote_status
                WHERE actor_uri = ANY(CAST(? AS text[])) AND verified AND category = ? AND valid_until > now()""",
                r -> badges.put(r.str("actor_uri"), new TownBadge(r.str("legal_name"), r.str("ags"))),
                PgArrays.texts(List.copyOf(actors)), RemoteStatus.MUNICIPALITY_NODE);
        return badges;
    }

    static RemoteStatus map(Row r) {
        return new RemoteStatus(r.str("actor_uri"), r.bool("verified"), r.str("reason"), r.str("detail"),
                r.str("issuer"), r.str("trust_role"), r.str("category"), r.str("legal_name"), r.str("domain"),
                r.str("ags"), r.instant("valid_until"), r.instant("checked_at"), r.instant("next_check_at"));
    }
}
