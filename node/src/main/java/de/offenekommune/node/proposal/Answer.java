package de.offenekommune.node.proposal;

import java.time.Instant;

/**
 * The official answer to a proposal.
 *
 * @param byName display name of the account that answered
 * @param asAddressee the addressee it answered for (its linked account answered), null if staff answered
 */
public record Answer(String markdown, String html, String byName, String asAddressee, Instant at) {
}
