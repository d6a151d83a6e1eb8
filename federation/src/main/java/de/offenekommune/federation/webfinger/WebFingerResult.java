package de.offenekommune.federation.webfinger;

/** A remote account as its server's WebFinger describes it. */
public record WebFingerResult(String subject, String actorId, String profilePage) {
}
