package de.offenekommune.federation.inbox;

/** Who verifiably sent an activity: the actor owning the key that signed the request. */
public record Signer(String actorId, String keyId) {
}
