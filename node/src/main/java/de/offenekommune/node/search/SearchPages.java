package de.offenekommune.node.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.node.web.Pages;

/** The search page (/suche): the form, and the results of {@code ?q=...} ranked across kinds. */
public final class SearchPages implements HttpService {
    private final SearchService search;
    private final Pages pages;

    public SearchPages(SearchService search, Pages pages) {
        this.search = search;
        this.pages = pages;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/suche", this::search);
    }

    private void search(ServerRequest req, ServerResponse res) {
        var params = req.query();
        if (!params.contains("q")) {
            pages.render(req, res, "search/search.jte", "q", "", "results", null, "links", null);
            return;
        }
        String q = params.first("q").orElse("");
        SearchQuery query;
        try {
            query = SearchQuery.parse(q, params.first("art").orElse(null), params.first("nach").orElse(null));
        } catch (InvalidInput e) {
            // The text as typed goes back into the field (cut, so a huge value is not echoed in full).
            pages.render(res, Status.BAD_REQUEST_400, pages.page(req).withErrors(e.fields()), "search/search.jte",
                    "q", q.length() > SearchQuery.MAX_LENGTH * 2 ? q.substring(0, SearchQuery.MAX_LENGTH * 2) : q,
                    "results", null, "links", null);
            return;
        }
        SearchResults results = search.search(query);
        pages.render(req, res, "search/search.jte", "q", query.text(), "results", results,
                "links", links(query, results));
    }

    /** The hrefs the results page needs: per-kind filters, the next page and the first page. */
    public record Links(Map<String, String> kinds, String next, String first) {
    }

    private static Links links(SearchQuery query, SearchResults results) {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("", href(query.withKind(null).params(), null));
        for (SearchKind k : SearchKind.values()) {
            kinds.put(k.code(), href(query.withKind(k).params(), null));
        }
        String next = results.next() == null ? null : href(query.params(), results.next().param());
        return new Links(kinds, next, query.after() == null ? null : href(query.params(), null));
    }

    private static String href(Map<String, String> params, String after) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (after != null) {
            all.put("nach", after);
        }
        return "/suche?" + all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
