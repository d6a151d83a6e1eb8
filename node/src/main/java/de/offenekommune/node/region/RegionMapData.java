package de.offenekommune.node.region;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.municipality.Municipality;

/**
 * The map's data as GeoJSON: a point for each located project and event of the members
 * ({@code kind: project|event}, name, town, link to the origin) and for each member town's centre
 * from the official list ({@code kind: town}), so the map means something even without tiles.
 */
final class RegionMapData {
    private RegionMapData() {
    }

    static ObjectNode of(List<RegionItem> items, List<MemberView> members, RegionArea area) {
        ObjectNode collection = ActivityJson.newObject().put("type", "FeatureCollection");
        var features = collection.putArray("features");
        for (MemberView m : members) {
            area.municipality(m.ags()).filter(Municipality::located).ifPresent(town -> {
                ObjectNode f = feature(features.addObject(), town.latitude(), town.longitude());
                f.putObject("properties").put("kind", "town").put("name", m.name()).put("ags", m.ags());
            });
        }
        for (RegionItem i : items) {
            if (!i.details().located()) {
                continue;
            }
            ObjectNode f = feature(features.addObject(), i.details().latitude(), i.details().longitude());
            ObjectNode p = f.putObject("properties").put("kind", i.kind() == ItemKind.EVENT ? "event" : "project")
                    .put("name", i.name()).put("town", i.town()).put("ags", i.ags()).put("url", i.url());
            if (i.details().locationName() != null) {
                p.put("place", i.details().locationName());
            }
        }
        return collection;
    }

    private static ObjectNode feature(ObjectNode f, double latitude, double longitude) {
        f.put("type", "Feature");
        f.putObject("geometry").put("type", "Point").putArray("coordinates").add(longitude).add(latitude);
        return f;
    }
}
