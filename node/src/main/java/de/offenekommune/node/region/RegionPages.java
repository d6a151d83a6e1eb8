package de.offenekommune.node.region;

import java.util.Optional;
import java.util.function.Function;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.config.RegionConfig;
import de.offenekommune.node.project.PhaseKind;
import de.offenekommune.node.project.ProjectKind;
import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Pages;

/**
 * The region's public pages: the overview of all members' items with filters ({@code /region}),
 * the map with its list ({@code /region/karte}) and its data ({@code /region/karte.json}, GeoJSON),
 * and the participation figures per town ({@code /region/kennzahlen}). A town answers 404.
 */
public final class RegionPages implements HttpService {
    private final boolean region;
    private final RegionOverview overview;
    private final RegionMembers members;
    private final RegionFigures figures;
    private final RegionArea area;
    private final RegionConfig settings;
    private final Pages pages;

    public RegionPages(boolean region, RegionOverview overview, RegionMembers members, RegionFigures figures,
                       RegionArea area, RegionConfig settings, Pages pages) {
        this.region = region;
        this.overview = overview;
        this.members = members;
        this.figures = figures;
        this.area = area;
        this.settings = settings;
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/region", this::list)
                .get("/region/karte", this::map)
                .get("/region/karte.json", this::mapData)
                .get("/region/kennzahlen", this::figures);
    }

    private void requireRegion() {
        if (!region) {
            throw HttpError.notFound();
        }
    }

    private void list(ServerRequest req, ServerResponse res) {
        requireRegion();
        RegionFilter filter = filter(req);
        RegionOverview.Result result = overview.page(filter);
        pages.render(req, res, "region/overview.jte", "filter", filter, "result", result, "members", members.list());
    }

    private void map(ServerRequest req, ServerResponse res) {
        requireRegion();
        pages.render(req, res, "region/map.jte", "items", overview.located(), "members", members.list(),
                "area", area, "settings", settings);
    }

    private void mapData(ServerRequest req, ServerResponse res) {
        requireRegion();
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/geo+json; charset=utf-8"));
        res.header(HeaderValues.create(HeaderNames.CACHE_CONTROL, "max-age=60, public"));
        res.send(ActivityJson.write(RegionMapData.of(overview.located(), members.list(), area)));
    }

    private void figures(ServerRequest req, ServerResponse res) {
        requireRegion();
        pages.render(req, res, "region/figures.jte", "rows", figures.table());
    }

    /** The filter of the query; an unknown value is a bad link (400), not "everything". */
    static RegionFilter filter(ServerRequest req) {
        String ags = value(req, "gemeinde").orElse(null);
        if (ags != null && !ags.matches("[0-9]{8}")) {
            throw HttpError.badRequest("region.error.filter");
        }
        return new RegionFilter(ags, choice(req, "art", ItemKind::byCode), choice(req, "projektart", ProjectKind::byCode),
                choice(req, "phase", PhaseKind::byCode), choice(req, "thema", Topic::byCode), after(req));
    }

    private static <T> T choice(ServerRequest req, String name, Function<String, Optional<T>> byCode) {
        Optional<String> v = value(req, name);
        return v.isEmpty() ? null : byCode.apply(v.get()).orElseThrow(() -> HttpError.badRequest("region.error.filter"));
    }

    private static long after(ServerRequest req) {
        Optional<String> v = value(req, "nach");
        if (v.isEmpty()) {
            return 0;
        }
        try {
            long id = Long.parseLong(v.get());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw HttpError.badRequest("form.error.bad-id");
    }

    private static Optional<String> value(ServerRequest req, String name) {
        return req.query().first(name).asOptional().map(String::strip).filter(v -> !v.isEmpty());
    }
}
