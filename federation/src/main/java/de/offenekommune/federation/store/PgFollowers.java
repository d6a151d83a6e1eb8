package de.offenekommune.federation.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import de.offenekommune.federation.delivery.Follower;
import de.offenekommune.federation.delivery.Followers;

/** {@code fed_follower}: who follows which local actor, with the inboxes fan-out needs. */
public final class PgFollowers implements Followers {
    private static final String COLUMNS = "local_actor, remote_actor, inbox, shared_inbox, state";

    private final Jdbc jdbc;

    public PgFollowers(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(Follower f, String followActivityId, Instant now) {
        jdbc.update("""
                INSERT INTO fed_follower (local_actor, remote_actor, inbox, shared_inbox, state, follow_activity, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (local_actor, remote_actor) DO UPDATE SET inbox = excluded.inbox,
                  shared_inbox = excluded.shared_inbox, follow_activity = excluded.follow_activity,
                  state = CASE WHEN fed_follower.state = 'accepted' THEN 'accepted' ELSE excluded.state END""",
                f.localActor(), f.remoteActor(), f.inbox(), f.sharedInbox(), f.accepted() ? "accepted" : "pending",
                followActivityId, now);
    }

    @Override
    public void accept(String localActor, String remoteActor) {
        jdbc.update("UPDATE fed_follower SET state = 'accepted' WHERE local_actor = ? AND remote_actor = ?",
                localActor, remoteActor);
    }

    @Override
    public boolean remove(String localActor, String remoteActor) {
        return jdbc.update("DELETE FROM fed_follower WHERE local_actor = ? AND remote_actor = ?", localActor, remoteActor) > 0;
    }

    @Override
    public List<Follower> removeByInbox(String inbox) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement st = Jdbc.prepare(c, "DELETE FROM fed_follower WHERE inbox = ? RETURNING " + COLUMNS, inbox);
                 ResultSet rs = st.executeQuery()) {
                return read(rs);
            }
        });
    }

    @Override
    public int removeRemoteActor(String remoteActor) {
        return jdbc.update("DELETE FROM fed_follower WHERE remote_actor = ?", remoteActor);
    }

    @Override
    public int removeFromDomain(String domain) {
        String d = domain.toLowerCase(java.util.Locale.ROOT);
        return jdbc.update("""
                DELETE FROM fed_follower
                WHERE lower(substring(remote_actor FROM '^https?://([^/:?#]+)')) = ?
                   OR lower(substring(remote_actor FROM '^https?://([^/:?#]+)')) LIKE ?""", d,
                "%." + d.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
    }

    @Override
    public int removeAllOf(String localActor) {
        return jdbc.update("DELETE FROM fed_follower WHERE local_actor = ?", localActor);
    }

    @Override
    public List<Follower> list(String localActor) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement st = Jdbc.prepare(c,
                    "SELECT " + COLUMNS + " FROM fed_follower WHERE local_actor = ? ORDER BY created_at, remote_actor", localActor);
                 ResultSet rs = st.executeQuery()) {
                return read(rs);
            }
        });
    }

    @Override
    public long count(String localActor) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement st = Jdbc.prepare(c,
                    "SELECT count(*) FROM fed_follower WHERE local_actor = ? AND state = 'accepted'", localActor);
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<String> inboxesOf(String localActor) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement st = Jdbc.prepare(c, """
                    SELECT DISTINCT coalesce(shared_inbox, inbox) FROM fed_follower
                    WHERE local_actor = ? AND state = 'accepted'""", localActor);
                 ResultSet rs = st.executeQuery()) {
                List<String> inboxes = new ArrayList<>();
                while (rs.next()) {
                    inboxes.add(rs.getString(1));
                }
                return inboxes;
            }
        });
    }

    private static List<Follower> read(ResultSet rs) throws SQLException {
        List<Follower> followers = new ArrayList<>();
        while (rs.next()) {
            followers.add(new Follower(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    "accepted".equals(rs.getString(5))));
        }
        return followers;
    }
}
