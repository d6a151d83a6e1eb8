package de.offenekommune.node.municipality;

/** A district (Kreis, Landkreis, kreisfreie Stadt) of the official list; {@code ags} has 5 digits. */
public record District(String ags, String name, String type, String land, boolean fictional) {
}
