package de.offenekommune.federation.delivery;

import java.util.Optional;

import de.offenekommune.federation.sig.ActorKeys;

/** The application's local actors' keys; looked up when a delivery is sent, never stored in the queue. */
@FunctionalInterface
public interface LocalKeys {
    Optional<ActorKeys> keysOf(String localActorId);
}
