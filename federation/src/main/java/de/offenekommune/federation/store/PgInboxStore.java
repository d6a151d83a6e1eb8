package de.offenekommune.federation.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import de.offenekommune.federation.inbox.InboxStore;

/** {@code fed_inbox_activity} + {@code fed_object_owner}. */
public final class PgInboxStore implements InboxStore {
    private final Jdbc jdbc;

    public PgInboxStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Outcome store(Incoming in) {
        return jdbc.inTransaction(c -> {
            for (String objectId : in.createdObjectIds()) {
                String owner = claimObject(c, objectId, in.actor(), in.receivedAt());
                if (!owner.equals(in.actor())) {
                    c.rollback();
                    return new Outcome.Takeover(objectId, owner);
                }
            }
            try (PreparedStatement st = Jdbc.prepare(c, """
                    INSERT INTO fed_inbox_activity (activity_id, type, actor, signer_key, inbox_owner, body, received_at,
                      state, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'received', ?)
                    ON CONFLICT (activity_id) DO NOTHING RETURNING id""",
                    in.activityId(), in.type(), in.actor(), in.signerKey(), in.inboxOwner(), in.body(), in.receivedAt(),
                    in.receivedAt());
                 ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    c.rollback();
                    return new Outcome.Duplicate();
                }
                return new Outcome.Stored(rs.getLong(1));
            }
        });
    }

    /** Records the owner if the object is new; returns whoever owns it now. */
    private static String claimObject(Connection c, String objectId, String actor, Instant now) throws SQLException {
        try (PreparedStatement insert = Jdbc.prepare(c,
                "INSERT INTO fed_object_owner (object_id, owner, first_seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                objectId, actor, now)) {
            insert.executeUpdate();
        }
        try (PreparedStatement select = Jdbc.prepare(c, "SELECT owner FROM fed_object_owner WHERE object_id = ?", objectId);
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public List<Stored> claim(int limit, Instant now, Duration lease) {
        return jdbc.inTransaction(c -> {
            List<Stored> claimed = new ArrayList<>();
            try (PreparedStatement st = Jdbc.prepare(c, """
                    UPDATE fed_inbox_activity a SET locked_until = ?
                    FROM (SELECT id FROM fed_inbox_activity
                          WHERE state = 'received' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)
                          ORDER BY received_at, id LIMIT ? FOR UPDATE SKIP LOCKED) due
                    WHERE a.id = due.id
                    RETURNING a.id, a.body, a.signer_key, a.actor, a.inbox_owner, a.received_at, a.attempts""",
                    now.plus(lease), now, now, limit);
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Jdbc.instant(rs.getTimestamp(6)), rs.getInt(7)));
                }
            }
            return claimed;
        });
    }

    @Override
    public void processed(long id, Instant now) {
        jdbc.update("UPDATE fed_inbox_activity SET state = 'processed', processed_at = ?, locked_until = NULL WHERE id = ?", now, id);
    }

    @Override
    public void retryAt(long id, String error, Instant next) {
        jdbc.update("""
                UPDATE fed_inbox_activity SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, locked_until = NULL
                WHERE id = ?""", error, next, id);
    }

    @Override
    public void failed(long id, String error, Instant now) {
        jdbc.update("""
                UPDATE fed_inbox_activity SET state = 'failed', attempts = attempts + 1, last_error = ?, processed_at = ?,
                  locked_until = NULL WHERE id = ?""", error, now, id);
    }
}
