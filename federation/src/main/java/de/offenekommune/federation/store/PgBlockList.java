package de.offenekommune.federation.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import de.offenekommune.federation.inbox.BlockList;

/**
 * {@code fed_block}, held in memory because every inbox request asks. Reloaded after each change
 * here and at least every minute, so blocks made by another process take effect soon.
 */
public final class PgBlockList implements BlockList {
    private static final Duration RELOAD = Duration.ofMinutes(1);

    private record Snapshot(Set<String> domains, Set<String> actors, Instant loadedAt) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public PgBlockList(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public boolean isBlockedHost(String host) {
        Set<String> domains = current().domains();
        String h = BlockList.normaliseDomain(host);
        // example.org blocks a.example.org too: compare whole labels, never substrings.
        while (true) {
            if (domains.contains(h)) {
                return true;
            }
            int dot = h.indexOf('.');
            if (dot < 0) {
                return false;
            }
            h = h.substring(dot + 1);
        }
    }

    @Override
    public List<Block> list() {
        return jdbc.withConnection(c -> {
            List<Block> blocks = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT kind, value, reason, created_at FROM fed_block ORDER BY kind DESC, value");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    blocks.add(new Block(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return blocks;
        });
    }

    @Override
    public boolean isBlockedActor(String actorId) {
        return current().actors().contains(actorId);
    }

    @Override
    public void blockDomain(String domain, String reason) {
        change("INSERT INTO fed_block (kind, value, reason, created_at) VALUES ('domain', ?, ?, ?) ON CONFLICT DO NOTHING",
                BlockList.normaliseDomain(domain), reason, clock.instant());
    }

    @Override
    public void unblockDomain(String domain) {
        change("DELETE FROM fed_block WHERE kind = 'domain' AND value = ?", BlockList.normaliseDomain(domain));
    }

    @Override
    public void blockActor(String actorId, String reason) {
        change("INSERT INTO fed_block (kind, value, reason, created_at) VALUES ('actor', ?, ?, ?) ON CONFLICT DO NOTHING",
                actorId, reason, clock.instant());
    }

    @Override
    public void unblockActor(String actorId) {
        change("DELETE FROM fed_block WHERE kind = 'actor' AND value = ?", actorId);
    }

    private void change(String sql, Object... params) {
        jdbc.update(sql, params);
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(RELOAD).isBefore(clock.instant())) {
            s = load();
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        return jdbc.withConnection(c -> {
            Set<String> domains = new HashSet<>();
            Set<String> actors = new HashSet<>();
            try (PreparedStatement st = c.prepareStatement("SELECT kind, value FROM fed_block"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    (rs.getString(1).equals("domain") ? domains : actors).add(rs.getString(2));
                }
            }
            return new Snapshot(Set.copyOf(domains), Set.copyOf(actors), clock.instant());
        });
    }
}
