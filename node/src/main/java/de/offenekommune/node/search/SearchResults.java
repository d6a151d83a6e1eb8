package de.offenekommune.node.search;

import java.util.List;
import java.util.Map;

/**
 * A page of hits, best first, across kinds (or of one kind), with the number of hits per kind.
 *
 * @param counts hits per kind, at most {@link SearchRepository#COUNT_CAP} (shown as "1000+")
 * @param next the cursor of the next page, null on the last
 */
public record SearchResults(SearchQuery query, List<SearchHit> hits, Map<SearchKind, Integer> counts,
                            SearchQuery.Cursor next) {

    public int count(SearchKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A count shown with "+" when it reached the cap. */
    public String shown(int count) {
        return count >= SearchRepository.COUNT_CAP ? (SearchRepository.COUNT_CAP - 1) + "+" : String.valueOf(count);
    }
}
