package de.offenekommune.node.verification;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.db.Sql;
import de.offenekommune.verification.attestation.Attestation;
import de.offenekommune.verification.attestation.AttestationIssuer;
import de.offenekommune.verification.attestation.Revocation;
import de.offenekommune.verification.attestation.RevocationList;
import de.offenekommune.verification.key.SigningKey;

/**
 * The node as issuer: its town (or region) actor signs attestations and the revocation list with the
 * Ed25519 key it lists under {@code assertionMethod}. The list is re-signed in the transaction of each
 * revocation and kept signed ({@code verification_revocation_list}), so serving it costs no signature.
 */
public final class Issuer {
    public static final String ATTESTATIONS = "/attestierungen";
    public static final String REVOCATION_LIST = ATTESTATIONS + "/widerrufen";

    private final URI actor;
    private final String base;
    private final Supplier<SigningKey> key;
    private final AttestationRepository attestations;
    private final Clock clock;

    /** @param key the town actor's assertion-method key (made on first use by the actor key store) */
    public Issuer(URI actor, String baseUrl, Supplier<SigningKey> key, AttestationRepository attestations,
                  Clock clock) {
        this.actor = actor;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.key = key;
        this.attestations = attestations;
        this.clock = clock;
    }

    public URI actor() {
        return actor;
    }

    public URI attestationId(UUID uuid) {
        return URI.create(base + ATTESTATIONS + "/" + uuid);
    }

    public URI revocationListId() {
        return URI.create(base + REVOCATION_LIST);
    }

    /** The signed attestation document. */
    ObjectNode issue(Attestation attestation) {
        return new AttestationIssuer(key.get(), clock).issue(attestation);
    }

    /** Signs the list of every revoked attestation and stores it (inside the revocation's transaction). */
    void republish(Sql tx) {
        // Two revocations at once must not each publish a list without the other's: one at a time, and
        // the second reads the list after the first committed.
        tx.one("SELECT pg_advisory_xact_lock(hashtext('verification_revocation_list'))", r -> true);
        Instant now = clock.instant();
        List<Revocation> revoked = attestations.revoked(tx).stream()
                .map(a -> new Revocation(attestationId(a.uuid()), a.reason(), a.revokedAt())).toList();
        ObjectNode signed = new AttestationIssuer(key.get(), clock).publish(
                new RevocationList(revocationListId(), actor, now, revoked));
        tx.update("""
                INSERT INTO verification_revocation_list (issuer, document, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (issuer) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at""",
                actor.toString(), ActivityJson.writeString(signed), now);
    }

    /** The signed list as published; signed (empty) on first use. It always exists. */
    public String revocationList(Sql sql) {
        Optional<String> stored = stored(sql);
        if (stored.isPresent()) {
            return stored.get();
        }
        sql.runInTransaction(this::republish);
        return stored(sql).orElseThrow();
    }

    private Optional<String> stored(Sql sql) {
        return sql.one("SELECT document FROM verification_revocation_list WHERE issuer = ?", r -> r.str("document"),
                actor.toString());
    }
}
