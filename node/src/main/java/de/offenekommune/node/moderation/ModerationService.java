package de.offenekommune.node.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.moderation.ModerationRepository.Action;
import de.offenekommune.node.moderation.ModerationRepository.LogEntry;
import de.offenekommune.node.moderation.ModerationRepository.OpenItem;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;

/**
 * Flags, the staff queue, hiding and restoring with a public reason, and the public log. Every
 * staff decision is logged in the same transaction as the decision itself.
 */
public final class ModerationService {
    private static final Logger LOG = Logger.getLogger(ModerationService.class.getName());
    public static final int MIN_REASON = 3;
    public static final int MAX_REASON = 500;
    static final int QUEUE_SIZE = 100;
    public static final int LOG_PAGE = 50;

    private final Sql sql;
    private final ModerationRepository repository;
    private final ModeratedKinds kinds;
    private final Clock clock;

    public ModerationService(Sql sql, ModerationRepository repository, ModeratedKinds kinds, Clock clock) {
        this.sql = sql;
        this.repository = repository;
        this.kinds = kinds;
        this.clock = clock;
    }

    /** What a flag did. */
    public sealed interface FlagResult {
        record Flagged(ModeratedItem item) implements FlagResult {
        }

        record AlreadyFlagged(ModeratedItem item) implements FlagResult {
        }
    }

    /** The item a flag or decision is about. @throws HttpError 404 for an unknown kind or id */
    public ModeratedItem item(String kind, long id) {
        return kinds.find(sql, kind, id).orElseThrow(HttpError::notFound);
    }

    /**
     * A signed-in account reports content. One open flag per account and item: a second is no error.
     *
     * @throws InvalidInput reason missing or too long
     */
    public FlagResult flag(Account reporter, String kind, long id, String reason) {
        String r = checkReason(reason);
        ModeratedItem item = item(kind, id);
        boolean stored = sql.inTransaction(tx -> repository.flagLocal(tx, kind, id, reporter.id(), r));
        return stored ? new FlagResult.Flagged(item) : new FlagResult.AlreadyFlagged(item);
    }

    /** A report from the fediverse (ActivityPub Flag), for the inbox; true if new. */
    public boolean flagRemote(String kind, long id, String reporterActor, String activityId, String reason) {
        item(kind, id);
        String r = reason == null || reason.isBlank() ? "-" : reason.strip();
        return sql.inTransaction(tx -> repository.flagRemote(tx, kind, id, reporterActor, activityId,
                r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r));
    }

    /** A queue line: the open flags (or hidden state) of an item and the item itself (null if gone). */
    public record Entry(OpenItem state, ModeratedItem item) {
    }

    /** Flagged items waiting, and hidden items (to restore), each loaded per kind in one query. */
    public record Queue(List<Entry> flagged, List<Entry> hidden) {
    }

    public Queue queue(Account staff) {
        requireStaff(staff);
        List<OpenItem> flagged = repository.openItems(sql, QUEUE_SIZE);
        List<OpenItem> hidden = repository.hiddenItems(sql, QUEUE_SIZE);
        Map<String, List<Long>> ids = new HashMap<>();
        for (OpenItem o : flagged) {
            ids.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o.id());
        }
        for (OpenItem o : hidden) {
            ids.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o.id());
        }
        Map<String, Map<Long, ModeratedItem>> items = kinds.load(sql, ids);
        return new Queue(entries(flagged, items), entries(hidden, items));
    }

    /** One item with its open flags and hidden state, for the decision page. */
    public record Case(ModeratedItem item, Optional<OpenItem> open, Optional<Hidden> hidden) {
    }

    public Case caseOf(Account staff, String kind, long id) {
        requireStaff(staff);
        return new Case(item(kind, id), repository.openItem(sql, kind, id), repository.hidden(sql, kind, id));
    }

    /**
     * Hide, restore or dismiss, with a reason that is shown publicly (in place and in the log).
     *
     * @throws HttpError 403 not staff, 404 unknown item, 409 nothing to restore or dismiss
     * @throws InvalidInput reason missing or too long
     */
    public void decide(Account staff, String kind, long id, Action action, String reason) {
        requireStaff(staff);
        String r = checkReason(reason);
        item(kind, id);
        Instant now = clock.instant();
        sql.runInTransaction(tx -> {
            switch (action) {
                case HIDE -> repository.hide(tx, kind, id, r, staff.id(), now);
                case RESTORE -> {
                    if (!repository.restore(tx, kind, id)) {
                        throw HttpError.conflict("moderation.error.not-hidden");
                    }
                }
                case DISMISS -> {
                    // only resolves flags, below
                }
            }
            long resolved = repository.resolveFlags(tx, kind, id, action, now);
            if (action == Action.DISMISS && resolved == 0) {
                throw HttpError.conflict("moderation.error.no-flags");
            }
            repository.log(tx, kind, id, action, r, staff.id(), now);
        });
        LOG.info(() -> "Moderation: " + action + " " + kind + " " + id + " by account " + staff.id());
    }

    /** A page of the public log and the cursor of the next (0 on the last). */
    public record LogPage(List<LogLine> entries, long nextBefore) {
    }

    /** @param path where the item is (it may show only the moderation notice), null if unknown */
    public record LogLine(LogEntry entry, String path) {
    }

    public LogPage log(long beforeId) {
        List<LogEntry> rows = repository.logPage(sql, beforeId, LOG_PAGE + 1);
        boolean more = rows.size() > LOG_PAGE;
        List<LogEntry> shown = more ? rows.subList(0, LOG_PAGE) : rows;
        return new LogPage(shown.stream().map(e -> new LogLine(e, kinds.path(e.kind(), e.targetId()))).toList(),
                more ? shown.getLast().id() : 0L);
    }

    private static List<Entry> entries(List<OpenItem> states, Map<String, Map<Long, ModeratedItem>> items) {
        return states.stream()
                .map(s -> new Entry(s, items.getOrDefault(s.kind(), Map.of()).get(s.id())))
                .toList();
    }

    private static void requireStaff(Account account) {
        if (!account.is(Role.STAFF)) {
            throw HttpError.forbidden("error.forbidden");
        }
    }

    private static String checkReason(String reason) {
        String r = reason == null ? "" : reason.strip();
        new InvalidInput.Collector()
                .check(r.length() >= MIN_REASON, "reason", "moderation.error.reason")
                .check(r.length() <= MAX_REASON, "reason", "moderation.error.reason-long")
                .throwIfAny();
        return r;
    }
}
