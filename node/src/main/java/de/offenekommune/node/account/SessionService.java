package de.offenekommune.node.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import de.offenekommune.node.db.Sql;

/** Creates, resolves and ends sessions. The cookie holds a random token; the database only its hash. */
public final class SessionService {
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final Sql sql;
    private final SessionRepository sessions;
    private final Clock clock;
    private final Duration lifetime;

    public SessionService(Sql sql, SessionRepository sessions, Clock clock, Duration lifetime) {
        this.sql = sql;
        this.sessions = sessions;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * A signed-in session: the account, the value CSRF tokens are bound to, and whether the account
     * speaks for an organisation verified here now (read with the session on every request).
     */
    public record ActiveSession(Account account, String binding, boolean verifiedOrganisation) {
    }

    /** @return the cookie value for the new session */
    public String start(Account account, String userAgent) {
        String token = Tokens.random();
        sessions.insert(sql, Tokens.hash(token), account.id(), clock.instant().plus(lifetime),
                userAgent == null ? null : userAgent.substring(0, Math.min(200, userAgent.length())));
        return token;
    }

    public Optional<ActiveSession> resolve(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = Tokens.hash(cookieValue);
        Instant now = clock.instant();
        return sessions.find(sql, hash, now).map(row -> {
            // Writing on every request would turn reads into writes; a coarse last-seen is enough.
            if (row.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
                sessions.touch(sql, hash, now);
            }
            return new ActiveSession(row.account(), "s:" + HexFormat.of().formatHex(hash), row.verifiedOrganisation());
        });
    }

    public void end(String cookieValue) {
        if (cookieValue != null) {
            sessions.delete(sql, Tokens.hash(cookieValue));
        }
    }

    public Duration lifetime() {
        return lifetime;
    }
}
