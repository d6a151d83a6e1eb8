package de.offenekommune.node.proposal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.config.NodeConfig.ProposalConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/**
 * The node's support threshold and collection period for new proposals: the configured defaults,
 * unless an admin has set other values (kept in {@code node_setting}, so all processes agree).
 */
public final class ProposalSettings {
    static final String THRESHOLD_KEY = "proposals.support-threshold";
    static final String WEEKS_KEY = "proposals.support-weeks";
    public static final int MAX_THRESHOLD = 1_000_000;
    public static final int MAX_WEEKS = 104;

    private final Sql sql;
    private final ProposalConfig defaults;

    public ProposalSettings(Sql sql, ProposalConfig defaults) {
        this.sql = sql;
        this.defaults = defaults;
    }

    /** The values in force. */
    public record Values(int threshold, int weeks) {
        public Duration period() {
            return Duration.ofDays(7L * weeks);
        }
    }

    public Values current() {
        Map<String, String> stored = sql.list("SELECT key, value FROM node_setting WHERE key = ANY(?)",
                        r -> Map.entry(r.str("key"), r.str("value")),
                        (Object) new String[] {THRESHOLD_KEY, WEEKS_KEY})
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Values(number(stored.get(THRESHOLD_KEY), defaults.supportThreshold()),
                number(stored.get(WEEKS_KEY), (int) (defaults.supportPeriod().toDays() / 7)));
    }

    /** Admins only; applies to proposals submitted from now on. */
    public void save(Account admin, String threshold, String weeks) {
        if (!admin.is(Role.ADMIN)) {
            throw HttpError.forbidden("error.forbidden");
        }
        Integer t = parse(threshold, MAX_THRESHOLD);
        Integer w = parse(weeks, MAX_WEEKS);
        new InvalidInput.Collector()
                .check(t != null, "threshold", "settings.error.threshold")
                .check(w != null, "weeks", "settings.error.weeks")
                .throwIfAny();
        sql.runInTransaction(tx -> {
            for (var e : List.of(Map.entry(THRESHOLD_KEY, t), Map.entry(WEEKS_KEY, w))) {
                tx.update("INSERT INTO node_setting (key, value) VALUES (?, ?) ON CONFLICT (key) "
                        + "DO UPDATE SET value = excluded.value, updated_at = now()", e.getKey(), e.getValue().toString());
            }
        });
    }

    private static Integer parse(String value, int max) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.trim());
            return n >= 1 && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int number(String stored, int fallback) {
        try {
            return stored == null ? fallback : Integer.parseInt(stored);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
