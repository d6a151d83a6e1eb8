package de.offenekommune.node.proposal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import de.offenekommune.node.api.ApiLists;
import de.offenekommune.node.api.Json;
import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Ids;

/**
 * Staff API to read proposals (under {@code /api/v1}, authenticated by the API filter): the list with
 * filters and keyset paging, and one proposal with its supports and answer. Answering stays on the
 * web page, where the addressee or staff member signs it with their account.
 */
public final class ProposalApi implements HttpService {
    private static final String PATH = "/api/v1/proposals";
    private static final Pattern SUPPORTS_CURSOR = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

    private final ProposalService proposals;
    private final String baseUrl;

    public ProposalApi(ProposalService proposals, String baseUrl) {
        this.proposals = proposals;
        this.baseUrl = baseUrl;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/proposals", this::list)
                .get("/proposals/{id}", this::get);
    }

    private void list(ServerRequest req, ServerResponse res) {
        ProposalQuery query = query(req);
        ProposalService.Listing listing = proposals.list(query);
        List<ProposalJson.ProposalListItem> items = listing.items().stream()
                .map(s -> ProposalJson.item(s, baseUrl)).toList();
        Json.ok(res, new ApiLists.Page<>(items, listing.next() == null ? null : next(req, query, listing.next())));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Json.ok(res, ProposalJson.view(proposals.live(Ids.path(req, "id")), baseUrl));
    }

    /**
     * {@code status}, {@code topic}, {@code addressee}, {@code sort} (newest|supports), {@code after}
     * (an id; with sort=supports "supports-id") and {@code limit}. Any unknown value is a 400 naming
     * the parameter, never an unfiltered list.
     */
    static ProposalQuery query(ServerRequest req) {
        ProposalStatus status = param(req, "status", ProposalStatus::parse);
        Topic topic = param(req, "topic", v -> Topic.parse(v).filter(t -> t.name().equals(v)).orElse(null));
        Long addressee = param(req, "addressee", ProposalApi::positive);
        ProposalQuery.Sort sort = param(req, "sort", v -> switch (v) {
            case "newest" -> ProposalQuery.Sort.NEWEST;
            case "supports" -> ProposalQuery.Sort.SUPPORTS;
            default -> null;
        });
        ProposalQuery.Sort order = sort == null ? ProposalQuery.Sort.NEWEST : sort;
        ProposalQuery.Cursor after = param(req, "after", v -> cursor(order, v));
        return new ProposalQuery(status, topic, addressee, order, after, ApiLists.limit(req));
    }

    private static <T> T param(ServerRequest req, String name, Function<String, T> parse) {
        String value = req.query().first(name).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        T parsed = value.length() > 40 ? null : parse.apply(value);
        if (parsed == null) {
            throw HttpError.badRequest("api.error.query", name);
        }
        return parsed;
    }

    private static Long positive(String v) {
        try {
            long n = Long.parseLong(v);
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ProposalQuery.Cursor cursor(ProposalQuery.Sort sort, String v) {
        if (sort == ProposalQuery.Sort.NEWEST) {
            Long id = positive(v);
            return id == null ? null : new ProposalQuery.Cursor(0, id);
        }
        Matcher m = SUPPORTS_CURSOR.matcher(v);
        return m.matches() ? new ProposalQuery.Cursor(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))) : null;
    }

    /** The next page's URL: the same filters, the cursor after the last item. */
    private static String next(ServerRequest req, ProposalQuery q, String cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        if (q.status() != null) {
            params.put("status", q.status().name());
        }
        if (q.topic() != null) {
            params.put("topic", q.topic().name());
        }
        if (q.addresseeId() != null) {
            params.put("addressee", q.addresseeId().toString());
        }
        if (q.sort() == ProposalQuery.Sort.SUPPORTS) {
            params.put("sort", "supports");
        }
        params.put("after", cursor);
        params.put("limit", String.valueOf(q.limit()));
        return PATH + "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
