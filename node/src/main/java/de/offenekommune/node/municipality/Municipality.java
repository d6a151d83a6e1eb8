package de.offenekommune.node.municipality;

/**
 * A municipality of the official list (Destatis GV100AD, see {@code municipalities/SOURCES.md}).
 *
 * @param ags       Amtlicher Gemeindeschlüssel, 8 digits
 * @param name      the official name, e.g. "Garching b.München, St"
 * @param kreisAgs  the district's key, 5 digits
 * @param latitude  the geographic centre (Destatis, 31.12.2021), or null
 * @param fictional a demo entry (Musterkreis), never an official one
 */
public record Municipality(String ags, String name, String kreisAgs, String kreisName, long population,
                           Double latitude, Double longitude, boolean fictional) {

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
