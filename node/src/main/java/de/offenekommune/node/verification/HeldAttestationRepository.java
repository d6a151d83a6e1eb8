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
     * Keeps the attestation and drops the issuer's previous ones (a renewal replaces them).
     *
     * @return false if exactly this attestation was held already and nothing else of its issuer (no change)
     */
    public boolean put(Sql tx, HeldAttestation a) {
        long dropped = tx.update("DELETE FROM verification_held_attestation WHERE issuer = ? AND id <> ?", a.issuer(),
                a.id());
        long added = tx.update("""
                INSERT INTO verification_held_attestation (id, issuer, issuer_name, trust_role, ags, legal_name, domain,
                                                           document, valid_from, valid_until, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""", a.id(), a.issuer(),
                a.issuerName(), a.trustRole(), a.ags(), a.legalName(), a.domain(), a.document(), a.validFrom(),
                a.validUntil(), a.receivedAt());
        return dropped > 0 || added == 1;
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
