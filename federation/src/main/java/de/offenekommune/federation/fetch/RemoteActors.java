package de.offenekommune.federation.fetch;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import de.offenekommune.federation.sig.KeyResolution;
import de.offenekommune.federation.sig.KeyResolver;
import de.offenekommune.federation.sig.SignatureFailure;
import de.offenekommune.federation.sig.VerificationKey;
import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.federation.vocab.ActorKey;
import de.offenekommune.federation.vocab.AsDocument;
import de.offenekommune.federation.vocab.JsonValues;

/**
 * Remote actors and their keys: memory first, then the store, then a fetch. Keys are parsed once
 * and kept in memory; a keyId is only trusted if the actor that owns it lists it (a key document
 * naming an owner is not enough: the owner's document must name the key back).
 */
public final class RemoteActors implements KeyResolver {
    private static final int MAX_CACHED_KEYS = 100_000;

    private final Dereferencer dereferencer;
    private final RemoteActorStore store;
    private final Clock clock;
    private final Duration refreshAfter;
    private final Map<String, VerificationKey> keys = new ConcurrentHashMap<>();
    private final Consumer<Actor> fetched;

    /** @param refreshAfter how old a stored actor may be before it is fetched again (e.g. one day) */
    public RemoteActors(Dereferencer dereferencer, RemoteActorStore store, Clock clock, Duration refreshAfter) {
        this(dereferencer, store, clock, refreshAfter, actor -> { });
    }

    /** @param fetched told of every actor document fetched (to learn what its server advertises) */
    public RemoteActors(Dereferencer dereferencer, RemoteActorStore store, Clock clock, Duration refreshAfter,
                        Consumer<Actor> fetched) {
        this.dereferencer = dereferencer;
        this.store = store;
        this.clock = clock;
        this.refreshAfter = refreshAfter;
        this.fetched = fetched;
    }

    /** The actor, from the store when fresh enough, else fetched (and stored). */
    public Optional<Actor> actor(String actorId) {
        var stored = store.byId(actorId);
        if (stored.isPresent() && stored.get().fetchedAt().plus(refreshAfter).isAfter(clock.instant())) {
            return Optional.of(stored.get().actor());
        }
        return fetchActor(actorId).or(() -> stored.map(RemoteActorStore.StoredActor::actor));
    }

    /** Fetches the actor now, stores it and refreshes its cached keys. */
    public Optional<Actor> fetchActor(String actorId) {
        Dereferenced result = dereferencer.fetchFresh(actorId);
        // A document fetched from elsewhere (after an id refetch) is someone else: never use it for this id.
        if (result instanceof Dereferenced.Found found && found.document() instanceof Actor actor
                && actorId.equals(actor.id())) {
            remember(actor);
            return Optional.of(actor);
        }
        if (result instanceof Dereferenced.Failed failed && failed.failure() == FetchFailure.GONE) {
            store.delete(actorId);
        }
        return Optional.empty();
    }

    /**
     * Forgets a deleted actor: its stored document and every cached key it owned, so nothing signed
     * with them verifies any more.
     */
    public void forget(String actorId) {
        store.delete(actorId);
        keys.values().removeIf(k -> actorId.equals(k.ownerId()));
    }

    @Override
    public KeyResolution resolve(String keyId, boolean refresh) {
        if (!refresh) {
            VerificationKey cached = keys.get(keyId);
            if (cached != null) {
                return new KeyResolution.Found(cached);
            }
            var stored = store.byKeyId(keyId);
            if (stored.isPresent()) {
                var key = keyOf(stored.get().actor(), keyId, stored.get().fetchedAt());
                if (key.isPresent()) {
                    return new KeyResolution.Found(key.get());
                }
            }
        }
        return fetchKey(keyId);
    }

    private KeyResolution fetchKey(String keyId) {
        int hash = keyId.indexOf('#');
        String documentUrl = hash < 0 ? keyId : keyId.substring(0, hash);
        Dereferenced result = dereferencer.fetchFresh(documentUrl);
        if (result instanceof Dereferenced.Failed failed) {
            return new KeyResolution.Failed(SignatureFailure.KEY_NOT_FOUND, keyId + ": " + failed.failure().message());
        }
        AsDocument document = ((Dereferenced.Found) result).document();
        if (document instanceof Actor actor) {
            return ownedKey(actor, keyId);
        }
        String owner = JsonValues.id(document.json().has("owner") ? document.json().get("owner") : document.json().get("controller"));
        if (owner == null) {
            return new KeyResolution.Failed(SignatureFailure.KEY_NOT_FOUND, keyId + " is neither an actor nor a key");
        }
        Dereferenced ownerResult = dereferencer.fetchFresh(owner);
        if (ownerResult instanceof Dereferenced.Found found && found.document() instanceof Actor actor) {
            return ownedKey(actor, keyId);
        }
        return new KeyResolution.Failed(SignatureFailure.KEY_NOT_FOUND, "owner " + owner + " of " + keyId + " not found");
    }

    private KeyResolution ownedKey(Actor actor, String keyId) {
        var listed = actor.keys().stream().filter(k -> keyId.equals(k.id())).findFirst();
        if (listed.isEmpty()) {
            return new KeyResolution.Failed(SignatureFailure.KEY_OWNER_MISMATCH, actor.id() + " does not list " + keyId);
        }
        if (listed.get().owner() != null && !listed.get().owner().equals(actor.id())) {
            return new KeyResolution.Failed(SignatureFailure.KEY_OWNER_MISMATCH,
                    keyId + " names " + listed.get().owner() + " as owner, but is listed by " + actor.id());
        }
        remember(actor);
        VerificationKey key = keys.get(keyId);
        return key != null ? new KeyResolution.Found(key)
                : new KeyResolution.Failed(SignatureFailure.KEY_NOT_FOUND, keyId + " does not parse");
    }

    private void remember(Actor actor) {
        store.save(actor, clock.instant());
        fetched.accept(actor);
        for (ActorKey key : actor.keys()) {
            keyOf(actor, key.id(), clock.instant());
        }
    }

    private Optional<VerificationKey> keyOf(Actor actor, String keyId, java.time.Instant fetchedAt) {
        for (ActorKey key : actor.keys()) {
            if (keyId.equals(key.id()) && (key.owner() == null || key.owner().equals(actor.id()))) {
                var material = ActorKeyParser.parse(key);
                if (material.isPresent()) {
                    if (keys.size() > MAX_CACHED_KEYS) {
                        keys.clear();
                    }
                    VerificationKey parsed = new VerificationKey(keyId, actor.id(), material.get(), fetchedAt);
                    keys.put(keyId, parsed);
                    return Optional.of(parsed);
                }
            }
        }
        return Optional.empty();
    }
}
