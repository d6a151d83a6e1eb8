package de.offenekommune.federation.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import de.offenekommune.federation.fetch.RemoteActorStore;
import de.offenekommune.federation.uri.Origin;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.federation.vocab.ActorKey;
import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.federation.vocab.Vocabulary;

/** {@code fed_remote_actor} + {@code fed_remote_key}: remote actor documents as last fetched. */
public final class PgRemoteActors implements RemoteActorStore {
    private final Jdbc jdbc;

    public PgRemoteActors(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<StoredActor> byId(String actorId) {
        return one("SELECT document, fetched_at FROM fed_remote_actor WHERE id = ?", actorId);
    }

    @Override
    public Optional<StoredActor> byKeyId(String keyId) {
        return one("""
                SELECT a.document, a.fetched_at FROM fed_remote_key k JOIN fed_remote_actor a ON a.id = k.actor_id
                WHERE k.key_id = ?""", keyId);
    }

    @Override
    public void save(Actor actor, Instant fetchedAt) {
        if (actor.id() == null || actor.inbox() == null || !Origin.isHttpUrl(actor.id())) {
            return;
        }
        jdbc.inTransaction(c -> {
            try (PreparedStatement st = Jdbc.prepare(c, """
                    INSERT INTO fed_remote_actor (id, host, inbox, shared_inbox, document, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET inbox = excluded.inbox, shared_inbox = excluded.shared_inbox,
                      document = excluded.document, fetched_at = excluded.fetched_at""",
                    actor.id(), Origin.hostOf(actor.id()), actor.inbox(), actor.sharedInbox(),
                    ActivityJson.writeString(actor.json()), fetchedAt)) {
                st.executeUpdate();
            }
            try (PreparedStatement st = Jdbc.prepare(c, "DELETE FROM fed_remote_key WHERE actor_id = ?", actor.id())) {
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("""
                    INSERT INTO fed_remote_key (key_id, actor_id, kind, encoded) VALUES (?, ?, ?, ?)
                    ON CONFLICT (key_id) DO UPDATE SET actor_id = excluded.actor_id, kind = excluded.kind, encoded = excluded.encoded""")) {
                for (ActorKey key : actor.keys()) {
                    if (key.id() != null && (key.owner() == null || key.owner().equals(actor.id()))) {
                        Jdbc.bind(st, key.id(), actor.id(), key.kind().name(), key.encoded());
                        st.addBatch();
                    }
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void delete(String actorId) {
        jdbc.update("DELETE FROM fed_remote_actor WHERE id = ?", actorId);
    }

    private Optional<StoredActor> one(String sql, String param) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement st = Jdbc.prepare(c, sql, param); ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    private static StoredActor read(ResultSet rs) throws SQLException {
        var document = Vocabulary.read(ActivityJson.parse(rs.getString(1)));
        return new StoredActor((Actor) document, Jdbc.instant(rs.getTimestamp(2)));
    }
}
