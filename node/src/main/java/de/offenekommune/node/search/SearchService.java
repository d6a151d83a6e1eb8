package de.offenekommune.node.search;

import java.time.Clock;
import java.util.List;

import de.offenekommune.node.db.Sql;

/** Searches what the public may see; a page is two bounded statements whatever the number of matches. */
public final class SearchService {
    public static final int PAGE_SIZE = 20;

    private final Sql sql;
    private final SearchRepository repository;
    private final Clock clock;

    public SearchService(Sql sql, SearchRepository repository, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.clock = clock;
    }

    public SearchResults search(SearchQuery query) {
        List<SearchHit> found = repository.page(sql, query, clock.instant(), PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<SearchHit> shown = more ? found.subList(0, PAGE_SIZE) : found;
        return new SearchResults(query, List.copyOf(shown), repository.counts(sql, query, clock.instant()),
                more ? shown.getLast().cursor() : null);
    }
}
