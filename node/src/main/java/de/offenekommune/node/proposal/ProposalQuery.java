package de.offenekommune.node.proposal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.offenekommune.node.topic.Topic;
import de.offenekommune.node.web.HttpError;

/**
 * What the proposal list shows: optional filters, a sort order and a keyset cursor (the sort key of
 * the last row of the previous page), so page 500 costs what page 1 costs.
 *
 * @param status null: any
 * @param topic null: any
 * @param addresseeId null: any
 * @param after null: the first page
 */
public record ProposalQuery(ProposalStatus status, Topic topic, Long addresseeId, Sort sort, Cursor after, int limit) {
    public static final int PAGE_SIZE = 20;
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,9})-(\\d{1,18})|(\\d{1,18})");

    public enum Sort {
        NEWEST("neu"), SUPPORTS("unterstuetzt");

        private final String param;

        Sort(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        static Sort parse(String value) {
            for (Sort s : values()) {
                if (s.param.equals(value)) {
                    return s;
                }
            }
            throw HttpError.badRequest("proposal.error.bad-filter");
        }
    }

    /** The sort key of a row: supports only matter for {@link Sort#SUPPORTS}. */
    public record Cursor(int supports, long id) {
    }

    /**
     * Reads the query string values (status, thema, an, sortierung, nach; absent: null or empty).
     * Unknown values are a 400, not an empty list.
     */
    public static ProposalQuery parse(String status, String topic, String addressee, String sort, String after) {
        ProposalStatus s = blank(status) ? null : ProposalStatus.parse(status);
        Topic t = blank(topic) ? null : Topic.parse(topic).orElse(null);
        if (!blank(status) && s == null || !blank(topic) && t == null) {
            throw HttpError.badRequest("proposal.error.bad-filter");
        }
        Long a = blank(addressee) ? null : de.offenekommune.node.web.Ids.parse(addressee);
        Sort order = blank(sort) ? Sort.NEWEST : Sort.parse(sort);
        return new ProposalQuery(s, t, a, order, blank(after) ? null : cursor(order, after), PAGE_SIZE);
    }

    private static Cursor cursor(Sort sort, String value) {
        Matcher m = CURSOR.matcher(value);
        if (!m.matches() || (sort == Sort.SUPPORTS) != (m.group(1) != null)) {
            throw HttpError.badRequest("proposal.error.bad-filter");
        }
        return sort == Sort.SUPPORTS ? new Cursor(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)))
                : new Cursor(0, Long.parseLong(m.group(3)));
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    /** The cursor value for the page after {@code last}. */
    public String cursorAfter(ProposalSummary last) {
        return sort == Sort.SUPPORTS ? last.supports().total() + "-" + last.id() : String.valueOf(last.id());
    }

    /** Query parameters that keep the filters and sort (for links to the next page). */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        if (status != null) {
            p.put("status", status.name());
        }
        if (topic != null) {
            p.put("thema", topic.code());
        }
        if (addresseeId != null) {
            p.put("an", addresseeId.toString());
        }
        if (sort != Sort.NEWEST) {
            p.put("sortierung", sort.param());
        }
        return p;
    }
}
