package de.offenekommune.node.region;

import java.util.List;
import java.util.Optional;

import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.municipality.District;
import de.offenekommune.node.municipality.Municipality;
import de.offenekommune.node.municipality.MunicipalityDirectory;

/**
 * The region's district: a region's {@code node.ags} is its Kreis key (5 digits, e.g. {@code 09184}),
 * or empty for an association that is no district. Its municipalities are proposed as members; any
 * municipality of the official list may be a member. The list is read on first use.
 */
public final class RegionArea {
    private final String kreisAgs;
    private final boolean withDemo;
    private volatile MunicipalityDirectory directory;

    private RegionArea(String kreisAgs, boolean withDemo) {
        this.kreisAgs = kreisAgs;
        this.withDemo = withDemo;
    }

    /** @throws IllegalArgumentException a region whose {@code node.ags} is no known district key */
    public static RegionArea of(NodeConfig config) {
        RegionArea area = new RegionArea(config.region() ? config.ags().strip() : "", config.demo());
        if (config.region() && !area.kreisAgs.isEmpty()) {
            if (!area.kreisAgs.matches("[0-9]{5}") || area.district().isEmpty()) {
                throw new IllegalArgumentException("node.ags of a region is the key of its district (Kreis, 5 digits, "
                        + "e.g. 09184) or empty, not " + config.ags());
            }
        }
        return area;
    }

    public MunicipalityDirectory directory() {
        MunicipalityDirectory d = directory;
        if (d == null) {
            synchronized (this) {
                if (directory == null) {
                    directory = MunicipalityDirectory.load(withDemo);
                }
                d = directory;
            }
        }
        return d;
    }

    public Optional<District> district() {
        return kreisAgs.isEmpty() ? Optional.empty() : directory().district(kreisAgs);
    }

    /** The district's municipalities by name; empty without a district. */
    public List<Municipality> municipalities() {
        return kreisAgs.isEmpty() ? List.of() : directory().inDistrict(kreisAgs);
    }

    public Optional<Municipality> municipality(String ags) {
        return directory().byAgs(ags);
    }

    /** The official name of a member, or its key if the list does not know it (any more). */
    public String name(String ags) {
        return directory().byAgs(ags).map(Municipality::name).orElse(ags);
    }
}
