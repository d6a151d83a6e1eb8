package de.offenekommune.node.activitypub.actor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.nodeinfo.NodeInfo;
import de.offenekommune.federation.nodeinfo.NodeInfoProvider;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;

/**
 * NodeInfo 2.1 figures from the database: accounts, accounts active in the last month and half
 * year (by their sessions), and local posts (projects, news, proposals, local comments). One query,
 * at most once a minute.
 */
public final class NodeInfoFigures implements NodeInfoProvider {
    public static final String SOFTWARE = "offenekommune";
    private static final Duration CACHE = Duration.ofMinutes(1);

    private record Cached(NodeInfo info, Instant at) {
    }

    private final Sql sql;
    private final NodeConfig config;
    private final Clock clock;
    private final String version;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    public NodeInfoFigures(Sql sql, NodeConfig config, Clock clock) {
        this.sql = sql;
        this.config = config;
        this.clock = clock;
        String v = NodeInfoFigures.class.getPackage().getImplementationVersion();
        this.version = v == null ? "0.1.0" : v;
    }

    @Override
    public NodeInfo current() {
        Instant now = clock.instant();
        Cached c = cached.get();
        if (c != null && c.at().plus(CACHE).isAfter(now)) {
            return c.info();
        }
        NodeInfo info = sql.one("""
                SELECT (SELECT count(*) FROM account WHERE deleted_at IS NULL AND confirmed_at IS NOT NULL) AS users,
                       (SELECT count(DISTINCT account_id) FROM session WHERE last_seen_at > ?) AS month,
                       (SELECT count(DISTINCT account_id) FROM session WHERE last_seen_at > ?) AS halfyear,
                       (SELECT count(*) FROM project WHERE deleted_at IS NULL)
                     + (SELECT count(*) FROM project_news WHERE deleted_at IS NULL)
                     + (SELECT count(*) FROM proposal WHERE deleted_at IS NULL)
                     + (SELECT count(*) FROM comment WHERE deleted_at IS NULL AND remote_actor IS NULL) AS posts""",
                r -> new NodeInfo(SOFTWARE, version, "https://github.com/offenekommune/offenekommune",
                        "https://offenekommune.de", true, r.lng("users"), r.lng("month"), r.lng("halfyear"),
                        r.lng("posts"), metadata()), now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(180)))
                .orElseThrow();
        cached.set(new Cached(info, now));
        return info;
    }

    private ObjectNode metadata() {
        ObjectNode m = ActivityJson.newObject().put("nodeName", config.name())
                .put("nodeKind", config.region() ? "region" : "municipality");
        if (!config.ags().isBlank()) {
            m.put("ags", config.ags());
        }
        return m;
    }
}
