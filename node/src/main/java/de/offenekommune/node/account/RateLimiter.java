package de.offenekommune.node.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.HttpError;

/**
 * Counts attempts per scope and key (client address, e-mail) in PostgreSQL, so the limit holds across
 * all node processes. Used for login, registration and password-reset requests.
 */
public final class RateLimiter {
    private final Sql sql;
    private final Clock clock;

    public RateLimiter(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Records an attempt and refuses it if {@code limit} attempts were already made within the window.
     *
     * @throws HttpError 429
     */
    public void acquire(String scope, String key, int limit, Duration window) {
        Instant now = clock.instant();
        long recent = sql.count("SELECT count(*) FROM auth_attempt WHERE scope = ? AND key = ? AND at > ?",
                scope, key, now.minus(window));
        if (recent >= limit) {
            throw HttpError.tooMany("error.rate-limited");
        }
        sql.update("INSERT INTO auth_attempt (scope, key, at) VALUES (?, ?, ?)", scope, key, now);
    }

    /** Forget successful logins' failures, so a user who finally typed it right starts fresh. */
    public void reset(String scope, String key) {
        sql.update("DELETE FROM auth_attempt WHERE scope = ? AND key = ?", scope, key);
    }

    public long purgeOlderThan(Duration age) {
        return sql.update("DELETE FROM auth_attempt WHERE at < ?", clock.instant().minus(age));
    }
}
