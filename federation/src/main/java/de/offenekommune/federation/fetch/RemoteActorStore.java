package de.offenekommune.federation.fetch;

import java.time.Instant;
import java.util.Optional;

import de.offenekommune.federation.vocab.Actor;

/** Where remote actor documents are kept between fetches (PostgreSQL in production). */
public interface RemoteActorStore {
    record StoredActor(Actor actor, Instant fetchedAt) {
    }

    Optional<StoredActor> byId(String actorId);

    /** The actor that lists this key id. */
    Optional<StoredActor> byKeyId(String keyId);

    void save(Actor actor, Instant fetchedAt);

    void delete(String actorId);
}
