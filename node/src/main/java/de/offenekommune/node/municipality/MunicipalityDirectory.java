package de.offenekommune.node.municipality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The official list of German municipalities and districts ({@code municipalities/gemeinden.csv.gz},
 * {@code municipalities/kreise.csv}; Destatis, dl-de/by-2-0, attribution in {@code municipalities/SOURCES.md}), read
 * once and kept in memory (about 11,000 rows). Demo nodes add the fictional district Musterkreis
 * ({@code municipalities/demo-gemeinden.csv}, {@code municipalities/demo-kreise.csv}); real nodes never see it.
 * Municipality-free areas (Gemeindefreie Gebiete) are left out: nobody runs a node for a forest.
 */
public final class MunicipalityDirectory {
    public static final String ATTRIBUTION_KEY = "municipality.attribution";
    private static final String DIR = "/municipalities/";

    private final Map<String, Municipality> byAgs;
    private final Map<String, District> districts;
    private final Map<String, List<Municipality>> byDistrict;

    private MunicipalityDirectory(List<Municipality> municipalities, List<District> districtList) {
        Map<String, Municipality> m = new HashMap<>();
        Map<String, List<Municipality>> d = new HashMap<>();
        for (Municipality x : municipalities) {
            m.put(x.ags(), x);
            d.computeIfAbsent(x.kreisAgs(), k -> new ArrayList<>()).add(x);
        }
        d.values().forEach(list -> list.sort(Comparator.comparing(Municipality::name).thenComparing(Municipality::ags)));
        Map<String, District> k = new HashMap<>();
        districtList.forEach(x -> k.put(x.ags(), x));
        this.byAgs = Map.copyOf(m);
        this.byDistrict = Collections.unmodifiableMap(d);
        this.districts = Map.copyOf(k);
    }

    /** @param withDemo also the fictional Musterkreis of the demos */
    public static MunicipalityDirectory load(boolean withDemo) {
        List<Municipality> municipalities = new ArrayList<>(municipalities("gemeinden.csv.gz", true, false));
        List<District> districtList = new ArrayList<>(districts("kreise.csv", false));
        if (withDemo) {
            municipalities.addAll(municipalities("demo-gemeinden.csv", false, true));
            districtList.addAll(districts("demo-kreise.csv", true));
        }
        return new MunicipalityDirectory(municipalities, districtList);
    }

    public Optional<Municipality> byAgs(String ags) {
        return ags == null ? Optional.empty() : Optional.ofNullable(byAgs.get(ags));
    }

    public Optional<District> district(String ags) {
        return ags == null ? Optional.empty() : Optional.ofNullable(districts.get(ags));
    }

    /** The municipalities of a district, by name. */
    public List<Municipality> inDistrict(String kreisAgs) {
        return byDistrict.getOrDefault(kreisAgs, List.of());
    }

    public int size() {
        return byAgs.size();
    }

    private static List<Municipality> municipalities(String file, boolean gzip, boolean fictional) {
        List<Municipality> out = new ArrayList<>();
        for (Csv.Line l : lines(file, gzip)) {
            String type = l.get("typ_code");
            if (type.equals("65") || type.equals("66")) {
                continue;
            }
            out.add(new Municipality(l.get("ags"), l.get("name"), l.get("kreis_ags"), l.get("kreis_name"),
                    number(l.get("einwohner")), decimal(l.get("lat")), decimal(l.get("lon")), fictional));
        }
        return out;
    }

    private static List<District> districts(String file, boolean fictional) {
        return lines(file, false).stream().map(l -> new District(l.get("kreis_ags"), l.get("name"), l.get("typ"),
                l.get("land_name"), fictional)).toList();
    }

    private static List<Csv.Line> lines(String file, boolean gzip) {
        try (InputStream raw = MunicipalityDirectory.class.getResourceAsStream(DIR + file)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + DIR + file);
            }
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            return Csv.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private static long number(String value) {
        return value.isBlank() ? 0 : Long.parseLong(value);
    }

    private static Double decimal(String value) {
        return value.isBlank() ? null : Double.valueOf(value);
    }
}
