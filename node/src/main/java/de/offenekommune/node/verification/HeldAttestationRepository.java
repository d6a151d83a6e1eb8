package de.offenekommune.node.verification;

import java.time.Instant;
import java.util.List;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for {@code verification_held_attestation}: the node attestations of this node's town actor. */
public final class HeldAttestationRepository {
    /** One per issuer; a node trusts few issuers. */
    private static final int MAX = 20;

    static HeldAttestation map(Row r) {
        return new HeldAttestation(r.str("id"), r.str("issuer"), r.str("issuer_name"), r.str("trust_role"),
                r.str("ags"), r.str("legal_name"), r.str("domain"), r.str("document"), r.instant("valid_from"),
                r.instant("valid_until"), r.instant("received_at"));
    }

    /**
     * Keeps the attestation, replacing the issuer's previous one.
     *
     * @return false if exactly this attestation was held already (nothing changed)
     */
    public boolean put(Sql tx, HeldAttestation a) {
        return tx.update("""
                INSERT INTO verification_held_attestation (id, issuer, issuer_name, trust_role, ags, legal_name, domain,
                                                           document, valid_from, valid_until, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (issuer) DO UPDATE SET id = excluded.id, issuer_name = excluded.issuer_name,
                    trust_role = excluded.trust_role, ags = excluded.ags, legal_name = excluded.legal_name,
                    domain = excluded.domain, document = excluded.document, valid_from = excluded.valid_from,
                    valid_until = excluded.valid_until, received_at = excluded.received_at
                WHERE verification_held_attestation.id <> excluded.id""", a.id(), a.issuer(), a.issuerName(),
                a.trustRole(), a.ags(), a.legalName(), a.domain(), a.document(), a.validFrom(), a.validUntil(),
                a.receivedAt()) == 1;
    }

    /** @return false if the issuer's attestation with this id was not held */
    public boolean remove(Sql tx, String issuer, String id) {
        return tx.update("DELETE FROM verification_held_attestation WHERE issuer = ? AND id = ?", issuer, id) == 1;
    }

    /** Those within their validity period, newest first. */
    public List<HeldAttestation> live(Sql sql, Instant now) {
        return sql.list("""
                SELECT * FROM verification_held_attestation WHERE valid_from <= ? AND valid_until > ?
                ORDER BY valid_from DESC LIMIT ?""", HeldAttestationRepository::map, now, now, MAX);
    }
}
