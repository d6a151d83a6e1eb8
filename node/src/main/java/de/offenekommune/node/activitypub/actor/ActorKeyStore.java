package de.offenekommune.node.activitypub.actor;

import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.offenekommune.federation.delivery.LocalKeys;
import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.federation.key.Multikey;
import de.offenekommune.federation.key.Rsa;
import de.offenekommune.federation.sig.ActorKeys;
import de.offenekommune.node.db.Sql;

/**
 * Local actors' keys: made when an actor first needs them (RSA-2048 and Ed25519), stored once in
 * {@code ap_actor_key}, parsed once per process and then served from memory. Two processes making
 * keys for the same actor at once keep the first stored pair.
 */
public final class ActorKeyStore implements LocalKeys {
    private static final int MAX_CACHED = 50_000;

    /** A parsed key set with the public keys actor documents show, derived once. */
    public record Keys(ActorKeys keys, RSAPublicKey rsaPublic, Ed25519.PublicKey ed25519Public) {
    }

    private final Sql sql;
    private final Map<String, Keys> cache = new ConcurrentHashMap<>();

    public ActorKeyStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * The actor's keys, made now if it has none yet. Callers make sure the actor exists.
     *
     * @throws IllegalStateException the actor was deleted and its keys removed (no new ones are made)
     */
    public Keys keys(String actorUri) {
        return keysIfLive(actorUri).orElseThrow(() -> new IllegalStateException(actorUri + " was deleted"));
    }

    /** The actor's keys (made now if it has none yet), or none if it was deleted and its keys removed. */
    public Optional<Keys> keysIfLive(String actorUri) {
        Keys cached = cache.get(actorUri);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        Optional<Keys> loaded = load(actorUri);
        if (loaded.isEmpty()) {
            if (sql.exists("SELECT 1 FROM ap_erased_actor WHERE actor_uri = ? AND cleaned_at IS NOT NULL", actorUri)) {
                return Optional.empty();
            }
            loaded = Optional.of(create(actorUri));
        }
        cache.put(actorUri, loaded.get());
        return loaded;
    }

    /** Forgets the actor's keys (its row was deleted). */
    public void forget(String actorUri) {
        cache.remove(actorUri);
    }

    @Override
    public Optional<ActorKeys> keysOf(String localActorId) {
        return keysIfLive(localActorId).map(Keys::keys);
    }

    private Optional<Keys> load(String actorUri) {
        return sql.one("SELECT rsa_private_pem, ed25519_secret FROM ap_actor_key WHERE actor_uri = ?",
                r -> parse(actorUri, r.str("rsa_private_pem"), r.str("ed25519_secret")), actorUri);
    }

    private Keys create(String actorUri) {
        ActorKeys fresh = ActorKeys.generate(actorUri);
        String pem = Rsa.privatePem(fresh.rsa().key());
        String secret = Multikey.encodeEd25519SecretKey(fresh.ed25519().key().raw());
        sql.update("INSERT INTO ap_actor_key (actor_uri, rsa_private_pem, ed25519_secret) VALUES (?, ?, ?) "
                + "ON CONFLICT (actor_uri) DO NOTHING", actorUri, pem, secret);
        return load(actorUri).orElseThrow();
    }

    private static Keys parse(String actorUri, String rsaPem, String edSecret) {
        ActorKeys keys = ActorKeys.fromStored(actorUri, rsaPem, edSecret);
        return new Keys(keys, keys.rsaPublicKey(), keys.ed25519().key().publicKey());
    }
}
