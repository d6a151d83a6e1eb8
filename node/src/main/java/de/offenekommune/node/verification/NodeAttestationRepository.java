package de.offenekommune.node.verification;

import java.util.Optional;
import java.util.UUID;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for the member nodes' rows of {@code verification_attestation} (category {@code MUNICIPALITY_NODE}). */
public final class NodeAttestationRepository {
    static final String CATEGORY = "MUNICIPALITY_NODE";
    private static final String SELECT = """
            SELECT uuid, ags, subject_actor, legal_name, domain, document, valid_from, valid_until, revoked_at
            FROM verification_attestation
            """;

    static NodeAttestation map(Row r) {
        return new NodeAttestation(r.uuid("uuid"), r.str("ags"), r.str("subject_actor"), r.str("legal_name"),
                r.str("domain"), r.str("document"), r.instant("valid_from"), r.instant("valid_until"),
                r.instant("revoked_at"));
    }

    void insert(Sql tx, NodeAttestation a) {
        tx.update("""
                INSERT INTO verification_attestation (uuid, category, ags, subject_actor, legal_name, domain, document,
                                                      valid_from, valid_until)
                VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, ?, ?)""", a.uuid().toString(), CATEGORY, a.ags(),
                a.subjectActor(), a.legalName(), a.domain(), a.document(), a.validFrom(), a.validUntil());
    }

    public Optional<NodeAttestation> byUuid(Sql sql, UUID uuid) {
        return sql.one(SELECT + "WHERE uuid = CAST(? AS uuid) AND category = '" + CATEGORY + "'",
                NodeAttestationRepository::map, uuid.toString());
    }
}
