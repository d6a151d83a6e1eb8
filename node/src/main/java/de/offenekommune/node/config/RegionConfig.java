package de.offenekommune.node.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * Region mode ({@code node.kind: region}) and following other towns: the members configured by AGS
 * and handle, the handles of neighbours to follow, how often unreachable handles are tried again,
 * how often the members' participation figures are fetched, and the map's tile server.
 *
 * @param members         {@code region.members}: each {@code {ags, handle}}
 * @param follow          {@code neighbours.follow}: handles the town actor follows from the start
 * @param retryInterval   {@code neighbours.retry-interval}
 * @param figuresInterval {@code region.figures-interval}
 * @param mapTiles        {@code region.map.tiles}: a tile URL template ({@code {z}/{x}/{y}}), empty = no tiles
 */
public record RegionConfig(List<Member> members, List<String> follow, Duration retryInterval,
                           Duration figuresInterval, String mapTiles, String mapAttribution) {

    /** A member town as configured: its official key and the handle of its town actor. */
    public record Member(String ags, String handle) {
    }

    static RegionConfig from(Config root) {
        Config region = root.get("region");
        Config neighbours = root.get("neighbours");
        List<Member> members = new ArrayList<>();
        for (Config m : region.get("members").asNodeList().orElse(List.of())) {
            members.add(new Member(m.get("ags").asString().orElse("").strip(),
                    m.get("handle").asString().orElse("").strip()));
        }
        List<String> follow = new ArrayList<>();
        for (Config h : neighbours.get("follow").asNodeList().orElse(List.of())) {
            h.asString().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(follow::add);
        }
        String tiles = region.get("map").get("tiles").asString().orElse("").strip();
        if (!tiles.isEmpty() && !tiles.matches("https?://[^\\s\"'<>]+")) {
            throw new IllegalArgumentException("region.map.tiles must be an http(s) URL template, not " + tiles);
        }
        return new RegionConfig(List.copyOf(members), List.copyOf(follow),
                neighbours.get("retry-interval").as(Duration.class).orElse(Duration.ofMinutes(1)),
                region.get("figures-interval").as(Duration.class).orElse(Duration.ofMinutes(15)),
                tiles, region.get("map").get("attribution").asString().orElse("").strip());
    }

    /** {@code scheme://host[:port]} of the tile server, for the Content-Security-Policy; empty without tiles. */
    public Optional<String> tileOrigin() {
        if (mapTiles.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(mapTiles.replaceAll("\\{[a-z]}", "0"));
        return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
    }
}
