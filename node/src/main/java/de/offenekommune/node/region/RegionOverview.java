package de.offenekommune.node.region;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.Page;

/** The regional overview: the members' items in one filtered list, the map's markers, the newest for the home page. */
public final class RegionOverview {
    public static final int PAGE_SIZE = 20;
    static final int MAP_MARKERS = 500;

    /** One page and the cursor of the next (0: none). */
    public record Result(List<RegionItem> items, long nextAfter) {
    }

    private final Sql sql;
    private final RegionItemRepository repository;
    private final RegionArea area;
    private final Clock clock;

    public RegionOverview(Sql sql, RegionItemRepository repository, RegionArea area, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.area = area;
        this.clock = clock;
    }

    public Result page(RegionFilter filter) {
        List<RegionItem> found = repository.page(sql, filter, today(), PAGE_SIZE + 1, area::name);
        boolean more = found.size() > PAGE_SIZE;
        List<RegionItem> shown = more ? found.subList(0, PAGE_SIZE) : found;
        return new Result(shown, more ? shown.getLast().id() : 0);
    }

    /** The newest items of all members. */
    public List<RegionItem> latest(int limit) {
        return repository.page(sql, RegionFilter.all(), today(), limit, area::name);
    }

    /** Located projects and events of the members, for the map and its list. */
    public List<RegionItem> located() {
        return repository.located(sql, today(), MAP_MARKERS, area::name);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Page.ZONE);
    }
}
