package de.offenekommune.federation.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import de.offenekommune.federation.delivery.HostRegistry;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.sig.SignatureSchemeMemory;

/**
 * {@code fed_host}: per remote host the signature generation that works and its reachability.
 * Both are read on every delivery, so they are cached in memory; a host's row is only written when
 * something changes (first failure of a day, recovery, a scheme learnt).
 */
public final class PgHostRegistry implements HostRegistry, SignatureSchemeMemory {
    /** @param ed25519 whether the host verifies RFC 9421 Ed25519: null unknown, true advertised/accepted, false refused */
    private record State(SignatureScheme scheme, int failureDays, LocalDate lastFailureDay, boolean unavailable,
                         Boolean ed25519) {
        static final State NEW = new State(null, 0, null, false, null);
    }

    private final Jdbc jdbc;
    private final Map<String, State> cache = new ConcurrentHashMap<>();

    public PgHostRegistry(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<SignatureScheme> known(String host) {
        State state = state(host);
        if (state.scheme() != SignatureScheme.CAVAGE && Boolean.TRUE.equals(state.ed25519())) {
            return Optional.of(SignatureScheme.RFC9421_ED25519);
        }
        return Optional.ofNullable(state.scheme());
    }

    @Override
    public void remember(String host, SignatureScheme scheme) {
        State state = state(host);
        boolean ed25519 = scheme == SignatureScheme.RFC9421_ED25519;
        if (state.scheme() == scheme.generation() && (!ed25519 || Boolean.TRUE.equals(state.ed25519()))) {
            return;
        }
        jdbc.update("""
                INSERT INTO fed_host (host, signature_scheme, rfc9421_ed25519) VALUES (?, ?, ?)
                ON CONFLICT (host) DO UPDATE SET signature_scheme = excluded.signature_scheme,
                  rfc9421_ed25519 = coalesce(excluded.rfc9421_ed25519, fed_host.rfc9421_ed25519)""",
                host, scheme.generation().name(), ed25519 ? Boolean.TRUE : null);
        cache.remove(host);
    }

    /** An advertisement never overrides a refusal: a host that refused Ed25519 keeps getting RSA. */
    @Override
    public void advertised(String host, SignatureScheme scheme) {
        if (scheme != SignatureScheme.RFC9421_ED25519 || state(host).ed25519() != null) {
            return;
        }
        jdbc.update("""
                INSERT INTO fed_host (host, rfc9421_ed25519) VALUES (?, true)
                ON CONFLICT (host) DO UPDATE SET rfc9421_ed25519 = coalesce(fed_host.rfc9421_ed25519, true)""", host);
        cache.remove(host);
    }

    @Override
    public void refused(String host, SignatureScheme scheme) {
        if (scheme != SignatureScheme.RFC9421_ED25519 || Boolean.FALSE.equals(state(host).ed25519())) {
            return;
        }
        jdbc.update("""
                INSERT INTO fed_host (host, rfc9421_ed25519) VALUES (?, false)
                ON CONFLICT (host) DO UPDATE SET rfc9421_ed25519 = false""", host);
        cache.remove(host);
    }

    @Override
    public boolean isUnavailable(String host) {
        return state(host).unavailable();
    }

    @Override
    public void recordSuccess(String host, Instant now) {
        State state = state(host);
        if (state.failureDays() == 0 && !state.unavailable()) {
            return;
        }
        jdbc.update("""
                UPDATE fed_host SET failure_days = 0, last_failure_day = NULL, unavailable_since = NULL, last_success_at = ?
                WHERE host = ?""", now, host);
        cache.remove(host);
    }

    @Override
    public boolean recordFailure(String host, Instant now, int unavailableAfterDays) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        State state = state(host);
        if (today.equals(state.lastFailureDay())) {
            return false;
        }
        int days = state.failureDays() + 1;
        boolean unavailable = days >= unavailableAfterDays;
        jdbc.update("""
                INSERT INTO fed_host (host, failure_days, last_failure_day, unavailable_since) VALUES (?, ?, ?, ?)
                ON CONFLICT (host) DO UPDATE SET failure_days = excluded.failure_days,
                  last_failure_day = excluded.last_failure_day,
                  unavailable_since = coalesce(fed_host.unavailable_since, excluded.unavailable_since)""",
                host, days, today, unavailable ? now : null);
        cache.remove(host);
        return unavailable && !state.unavailable();
    }

    @Override
    public void markAvailable(String host) {
        jdbc.update("UPDATE fed_host SET failure_days = 0, last_failure_day = NULL, unavailable_since = NULL WHERE host = ?", host);
        cache.remove(host);
    }

    /** A host that sent us a verified activity is up: deliveries to it may go again. */
    public void markAvailableIfKnown(String host) {
        State state = state(host);
        if (state.unavailable() || state.failureDays() > 0) {
            markAvailable(host);
        }
    }

    private State state(String host) {
        return cache.computeIfAbsent(host, h -> jdbc.withConnection(c -> {
            try (PreparedStatement st = Jdbc.prepare(c,
                    "SELECT signature_scheme, failure_days, last_failure_day, unavailable_since, rfc9421_ed25519 FROM fed_host "
                            + "WHERE host = ?", h);
                 ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return State.NEW;
                }
                String scheme = rs.getString(1);
                java.sql.Date day = rs.getDate(3);
                Boolean ed25519 = rs.getObject(5, Boolean.class);
                return new State(scheme == null ? null : SignatureScheme.valueOf(scheme), rs.getInt(2),
                        day == null ? null : day.toLocalDate(), rs.getTimestamp(4) != null, ed25519);
            }
        }));
    }
}
