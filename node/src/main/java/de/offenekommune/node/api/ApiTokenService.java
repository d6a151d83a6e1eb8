package de.offenekommune.node.api;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Role;
import de.offenekommune.node.account.Tokens;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.Inputs;
import de.offenekommune.node.web.InvalidInput;

/**
 * API tokens: admins create them for a staff account (the value is shown once, only its SHA-256
 * is kept) and revoke them; every API request is authenticated here. A token acts with its
 * account's current role, so a token of someone who is no longer staff stops working.
 */
public final class ApiTokenService {
    private static final Logger LOG = Logger.getLogger(ApiTokenService.class.getName());
    static final String PREFIX = "okt_";
    private static final int MAX_TOKEN = 200;
    private static final int MIN_BOOTSTRAP = 32;

    private final Sql sql;
    private final ApiTokenRepository tokens;
    private final byte[] bootstrapHash;
    private final Clock clock;

    /** @param bootstrapToken from {@code security.bootstrap-token}; empty turns it off */
    public ApiTokenService(Sql sql, ApiTokenRepository tokens, String bootstrapToken, Clock clock) {
        this.sql = sql;
        this.tokens = tokens;
        this.bootstrapHash = bootstrapToken == null || bootstrapToken.isBlank() ? null : Tokens.hash(bootstrapToken);
        this.clock = clock;
        if (bootstrapHash != null) {
            LOG.info("The bootstrap API token from security.bootstrap-token is on");
            if (bootstrapToken.length() < MIN_BOOTSTRAP) {
                LOG.warning("security.bootstrap-token has fewer than " + MIN_BOOTSTRAP
                        + " characters; use a long random value");
            }
        }
    }

    /** The outcome of checking a bearer token. */
    public sealed interface Authentication {
        record Accepted(ApiCaller caller) implements Authentication {
        }

        /** Missing, unknown or revoked: 401. */
        record Unknown() implements Authentication {
        }

        /** Valid, but its account is not (or no longer) staff: 403. */
        record NotStaff() implements Authentication {
        }
    }

    public Authentication authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return new Authentication.Unknown();
        }
        byte[] hash = Tokens.hash(token);
        // Equal-length digests compared in constant time: the comparison leaks nothing about the secret.
        if (bootstrapHash != null && MessageDigest.isEqual(hash, bootstrapHash)) {
            return new Authentication.Accepted(new ApiCaller.Bootstrap());
        }
        var found = tokens.byHash(sql, hash);
        if (found.isEmpty() || found.get().revokedAt() != null) {
            return new Authentication.Unknown();
        }
        Account account = found.get().account();
        if (!account.is(Role.STAFF)) {
            return new Authentication.NotStaff();
        }
        Instant now = clock.instant();
        if (found.get().lastUsedAt() == null || found.get().lastUsedAt().isBefore(now.minusSeconds(60))) {
            tokens.touch(sql, found.get().id(), now);
        }
        return new Authentication.Accepted(new ApiCaller.StaffToken(found.get().id(), account.id(),
                account.displayName()));
    }

    /** A new token; the returned value is the only time it exists outside the caller's hands. */
    public record Created(ApiToken token, String value) {
    }

    /**
     * @param ownerUsername the staff account the token acts as; blank = the admin
     * @throws InvalidInput bad name, unknown owner or owner not staff
     */
    public Created create(Account admin, String name, String ownerUsername) {
        requireAdmin(admin);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String cleanName = Inputs.text(errors, "name", name, 100, true);
        String owner = Inputs.text(errors, "owner", ownerUsername, 30, false);
        errors.throwIfAny();
        Account account = owner == null ? admin : tokens.accountByUsername(sql, owner)
                .orElseThrow(() -> InvalidInput.of("owner", "api.tokens.error.owner-unknown"));
        if (!account.is(Role.STAFF)) {
            throw InvalidInput.of("owner", "api.tokens.error.owner-not-staff");
        }
        String value = PREFIX + Tokens.random();
        Instant now = clock.instant();
        long id = sql.inTransaction(tx -> tokens.insert(tx, Tokens.hash(value), cleanName, account.id(), admin.id(),
                now));
        LOG.info(() -> "API token " + id + " (" + cleanName + ") for account " + account.id() + " created by account "
                + admin.id());
        ApiToken token = list(admin).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
        return new Created(token, value);
    }

    public void revoke(Account admin, long id) {
        requireAdmin(admin);
        if (!tokens.revoke(sql, id, clock.instant())) {
            throw HttpError.notFound();
        }
        LOG.info(() -> "API token " + id + " revoked by account " + admin.id());
    }

    public List<ApiToken> list(Account admin) {
        requireAdmin(admin);
        return tokens.list(sql, 500);
    }

    private static void requireAdmin(Account actor) {
        if (!actor.is(Role.ADMIN)) {
            throw HttpError.forbidden("error.forbidden");
        }
    }
}
