package de.offenekommune.federation.webfinger;

import java.util.List;

/**
 * What WebFinger says about one local actor.
 *
 * @param subject     {@code acct:name@host}
 * @param actorId     the ActivityPub actor URL ({@code rel=self})
 * @param profilePage the HTML page people see, or null
 * @param aliases     other URLs of the same actor (profile page, actor URL)
 */
public record WebFingerAccount(String subject, String actorId, String profilePage, List<String> aliases) {
}
