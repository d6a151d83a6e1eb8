package de.offenekommune.federation.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import de.offenekommune.federation.delivery.ClaimedDelivery;
import de.offenekommune.federation.delivery.DeliveryQueue;
import de.offenekommune.federation.sig.SignedBody;
import de.offenekommune.federation.uri.Origin;

/** The delivery queue in PostgreSQL: {@code fed_outbound_activity} + {@code fed_delivery}. */
public final class PgDeliveryQueue implements DeliveryQueue {
    /*
     * One pass over the queued rows numbers the due ones per host and counts those already out
     * (leased) to the same host, so that no more than the per-host limit is in flight; the first
     * eligible ids (a few times the batch, for claimers skipping each other's rows) are then locked
     * by primary key with FOR UPDATE OF d SKIP LOCKED, and the lease (locked_until) keeps them away
     * from others until it expires. The state and lease conditions are repeated on d itself: when a
     * row was claimed and committed by another worker after our snapshot, PostgreSQL re-checks only
     * d's own conditions on the new row version; without them both workers would send it.
     *
     * Written so that the plan cannot nest loops over the queue: joining the numbered rows back to
     * fed_delivery (as an earlier version did) is planned as a nested loop whenever the statistics
     * say the queue is empty, which they usually do, and cost 0.6 s per claim at 1,000 queued rows.
     */
    static final String CLAIM = """
            WITH eligible AS (
                SELECT id FROM (
                    SELECT id, next_attempt_at, leased,
                           count(*) FILTER (WHERE leased) OVER (PARTITION BY host) AS in_flight,
                           row_number() OVER (PARTITION BY host, leased ORDER BY next_attempt_at, id) AS rn
                    FROM (SELECT id, host, next_attempt_at, coalesce(locked_until >= ?, false) AS leased
                          FROM fed_delivery
                          WHERE state = 'queued' AND (next_attempt_at <= ? OR locked_until >= ?)) queued) numbered
                WHERE NOT leased AND rn + in_flight <= ?
                ORDER BY next_attempt_at, id
                LIMIT ?),
            picked AS (
                SELECT d.id FROM fed_delivery d
                WHERE d.id = ANY(ARRAY(SELECT id FROM eligible))
                  AND d.state = 'queued' AND (d.locked_until IS NULL OR d.locked_until < ?)
                  AND NOT EXISTS (SELECT 1 FROM fed_host h WHERE h.host = d.host AND h.unavailable_since IS NOT NULL)
                ORDER BY d.next_attempt_at, d.id
                LIMIT ?
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE fed_delivery d SET locked_until = ?, locked_by = ?
            FROM picked, fed_outbound_activity a
            WHERE d.id = picked.id AND a.id = d.activity
            RETURNING d.id, a.sender_actor, a.activity_id, d.inbox, d.host, d.attempts, a.id, a.body""";

    /** Eligible rows looked at per row claimed: concurrent claimers skip each other's locked rows. */
    private static final int CANDIDATES_PER_CLAIM = 4;

    /** Bodies of the activities being delivered, by row id: one body (and digest) per activity, not per claim. */
    private static final int CACHED_BODIES = 64;

    private final Jdbc jdbc;
    private final Map<Long, SignedBody> bodies = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, SignedBody> eldest) {
            return size() > CACHED_BODIES;
        }
    });

    public PgDeliveryQueue(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public int enqueue(String senderActor, String activityId, byte[] body, Collection<String> inboxes, Instant now) {
        return jdbc.inTransaction(c -> {
            long activity = insertActivity(c, senderActor, activityId, body, now);
            Set<String> unavailable = unavailableHosts(c);
            int queued = 0;
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO fed_delivery (activity, inbox, host, state, next_attempt_at, created_at, finished_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (activity, inbox) DO NOTHING""")) {
                for (String inbox : new HashSet<>(inboxes)) {
                    String host = Origin.hostOf(inbox);
                    boolean skip = unavailable.contains(host);
                    Jdbc.bind(st, activity, inbox, host, skip ? "skipped" : "queued", now, now, skip ? now : null);
                    st.addBatch();
                    queued += skip ? 0 : 1;
                }
                st.executeBatch();
            }
            return queued;
        });
    }

    private static long insertActivity(Connection c, String sender, String activityId, byte[] body, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO fed_outbound_activity (activity_id, sender_actor, body, created_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Jdbc.bind(st, activityId, sender, body, now);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Set<String> unavailableHosts(Connection c) throws SQLException {
        Set<String> hosts = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT host FROM fed_host WHERE unavailable_since IS NOT NULL");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                hosts.add(rs.getString(1));
            }
        }
        return hosts;
    }

    @Override
    public List<ClaimedDelivery> claim(String workerId, int limit, int perHostLimit, Instant now, Duration lease) {
        return jdbc.inTransaction(c -> {
            List<ClaimedDelivery> claimed = new ArrayList<>();
            try (PreparedStatement st = Jdbc.prepare(c, CLAIM, claimParameters(workerId, limit, perHostLimit, now, lease));
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    SignedBody body = bodies.get(rs.getLong(7));
                    if (body == null) {
                        body = SignedBody.of(rs.getBytes(8));
                        bodies.put(rs.getLong(7), body);
                    }
                    claimed.add(new ClaimedDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), body));
                }
            }
            return claimed;
        });
    }

    /** The parameters of {@link #CLAIM}, in order. */
    static Object[] claimParameters(String workerId, int limit, int perHostLimit, Instant now, Duration lease) {
        return new Object[] {now, now, now, perHostLimit, CANDIDATES_PER_CLAIM * limit, now, limit, now.plus(lease),
            workerId};
    }

    @Override
    public void delivered(long id, int status, Instant now) {
        jdbc.update("""
                UPDATE fed_delivery SET state = 'delivered', attempts = attempts + 1, last_status = ?, last_error = NULL,
                  finished_at = ?, locked_until = NULL, locked_by = NULL WHERE id = ?""", status, now, id);
    }

    /** One statement for the batch: a fan-out's records are a few statements, not one commit per inbox. */
    @Override
    public void deliveredAll(List<Done> done, Instant now) {
        if (done.isEmpty()) {
            return;
        }
        Long[] ids = new Long[done.size()];
        Integer[] statuses = new Integer[done.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = done.get(i).id();
            statuses[i] = done.get(i).status();
        }
        jdbc.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE fed_delivery d SET state = 'delivered', attempts = d.attempts + 1, last_status = x.status,
                      last_error = NULL, finished_at = ?, locked_until = NULL, locked_by = NULL
                    FROM unnest(?::bigint[], ?::int[]) AS x(id, status) WHERE d.id = x.id""")) {
                st.setTimestamp(1, Timestamp.from(now));
                st.setArray(2, c.createArrayOf("bigint", ids));
                st.setArray(3, c.createArrayOf("integer", statuses));
                return st.executeUpdate();
            }
        });
    }

    @Override
    public void retryAt(long id, int status, String error, Instant next) {
        jdbc.update("""
                UPDATE fed_delivery SET attempts = attempts + 1, last_status = ?, last_error = ?, next_attempt_at = ?,
                  locked_until = NULL, locked_by = NULL WHERE id = ? AND state = 'queued'""", status, truncate(error), next, id);
    }

    @Override
    public void failed(long id, int status, String error, Instant now) {
        finish(id, "failed", status, error, now);
    }

    @Override
    public void gone(long id, Instant now) {
        finish(id, "gone", 410, "gone", now);
    }

    private void finish(long id, String state, int status, String error, Instant now) {
        jdbc.update("""
                UPDATE fed_delivery SET state = ?, attempts = attempts + 1, last_status = ?, last_error = ?,
                  finished_at = ?, locked_until = NULL, locked_by = NULL WHERE id = ?""", state, status, truncate(error), now, id);
    }

    @Override
    public int skipHost(String host, Instant now) {
        return jdbc.update("""
                UPDATE fed_delivery SET state = 'skipped', last_error = 'host unavailable', finished_at = ?
                WHERE host = ? AND state = 'queued'""", now, host);
    }

    @Override
    public long depth() {
        return jdbc.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM fed_delivery WHERE state = 'queued'");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public boolean hasQueuedFrom(String senderActor) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement st = Jdbc.prepare(c, """
                    SELECT EXISTS (SELECT 1 FROM fed_delivery d JOIN fed_outbound_activity o ON o.id = d.activity
                                   WHERE d.state = 'queued' AND o.sender_actor = ?)""", senderActor);
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** Deletes finished deliveries and their activity bodies older than the cut-off; returns deliveries deleted. */
    public int purgeFinishedBefore(Instant cutoff) {
        return jdbc.inTransaction(c -> {
            int deleted;
            try (PreparedStatement st = Jdbc.prepare(c,
                    "DELETE FROM fed_delivery WHERE state <> 'queued' AND finished_at < ?", Timestamp.from(cutoff))) {
                deleted = st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    DELETE FROM fed_outbound_activity a
                    WHERE NOT EXISTS (SELECT 1 FROM fed_delivery d WHERE d.activity = a.id) AND a.created_at < ?""")) {
                st.setTimestamp(1, Timestamp.from(cutoff));
                st.executeUpdate();
            }
            return deleted;
        });
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }
}
