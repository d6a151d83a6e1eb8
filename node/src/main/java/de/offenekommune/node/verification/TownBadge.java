package de.offenekommune.node.verification;

/**
 * A town actor attested, by an issuer this node trusts, as the official node of a municipality: what
 * the town badge ("Offizielle Gemeinde") shows next to the town's name.
 *
 * @param name the municipality's official name, as attested
 * @param ags  its Amtlicher Gemeindeschlüssel
 */
public record TownBadge(String name, String ags) {
}
