package de.offenekommune.node.addressee;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.offenekommune.node.db.Row;
import de.offenekommune.node.db.Sql;

/** SQL for addressees and the link between proposals and their addressees. */
public final class AddresseeRepository {
    private static final String COLUMNS = "ad.id, ad.name, ad.kind, ad.description, ad.email, ad.account_id, "
            + "ac.display_name AS account_name, ac.username AS account_username, ad.active, ad.created_at, ad.updated_at, "
            + "org.handle AS organisation_handle, va.legal_name AS verified_as";
    /** An addressee linked to an organisation's account shows that organisation's badge while it stands. */
    private static final String FROM = " FROM addressee ad LEFT JOIN account ac ON ac.id = ad.account_id "
            + "LEFT JOIN organisation org ON org.account_id = ad.account_id AND org.deleted_at IS NULL "
            + "LEFT JOIN LATERAL (SELECT a.legal_name FROM verification_attestation a WHERE a.organisation_id = org.id "
            + "AND a.revoked_at IS NULL AND a.valid_from <= now() AND a.valid_until > now() "
            + "ORDER BY a.valid_until DESC LIMIT 1) va ON true ";

    /** The fields staff edit. */
    public record Fields(String name, AddresseeKind kind, String description, String email, Long accountId) {
    }

    static Addressee map(Row r) {
        return new Addressee(r.lng("id"), r.str("name"), AddresseeKind.valueOf(r.str("kind")), r.str("description"),
                r.str("email"), r.lngOrNull("account_id"), r.str("account_name"), r.str("account_username"), r.bool("active"),
                r.instant("created_at"), r.instant("updated_at"), r.str("organisation_handle"), r.str("verified_as"));
    }

    /** @return the new id, or empty if the name is taken */
    public Optional<Long> insert(Sql sql, Fields f) {
        return sql.one("""
                INSERT INTO addressee (name, kind, description, email, account_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING RETURNING id""", r -> r.lng("id"),
                f.name(), f.kind(), f.description(), f.email(), f.accountId());
    }

    /** @return false if the name is taken by another addressee or the id is unknown */
    public boolean update(Sql sql, long id, Fields f) {
        return sql.one("""
                UPDATE addressee SET name = ?, kind = ?, description = ?, email = ?, account_id = ?, updated_at = now()
                WHERE id = ? AND NOT EXISTS (SELECT 1 FROM addressee o WHERE lower(o.name) = lower(?) AND o.id <> ?)
                RETURNING id""", r -> r.lng("id"),
                f.name(), f.kind(), f.description(), f.email(), f.accountId(), id, f.name(), id).isPresent();
    }

    public boolean setActive(Sql sql, long id, boolean active) {
        return sql.update("UPDATE addressee SET active = ?, updated_at = now() WHERE id = ?", active, id) == 1;
    }

    public Optional<Addressee> byId(Sql sql, long id) {
        return sql.one("SELECT " + COLUMNS + FROM + "WHERE ad.id = ?", AddresseeRepository::map, id);
    }

    /** All addressees for the staff page, active first, by name. Small by nature (a town's bodies). */
    public List<Addressee> all(Sql sql) {
        return sql.list("SELECT " + COLUMNS + FROM + "ORDER BY ad.active DESC, lower(ad.name)", AddresseeRepository::map);
    }

    public List<Addressee> active(Sql sql) {
        return sql.list("SELECT " + COLUMNS + FROM + "WHERE ad.active ORDER BY ad.kind, lower(ad.name)",
                AddresseeRepository::map);
    }

    /** The active ones among {@code ids}; a shorter answer means some id is unknown or inactive. */
    public List<Addressee> activeByIds(Sql sql, Collection<Long> ids) {
        return sql.list("SELECT " + COLUMNS + FROM + "WHERE ad.active AND ad.id = ANY(?) ORDER BY lower(ad.name)",
                AddresseeRepository::map, (Object) ids.toArray(Long[]::new));
    }

    public void link(Sql sql, long proposalId, Collection<Long> addresseeIds) {
        sql.update("INSERT INTO proposal_addressee (proposal_id, addressee_id) SELECT ?, unnest(?::bigint[]) "
                + "ON CONFLICT DO NOTHING", proposalId, (Object) addresseeIds.toArray(Long[]::new));
    }

    public List<Addressee> ofProposal(Sql sql, long proposalId) {
        return sql.list("SELECT " + COLUMNS + FROM + "JOIN proposal_addressee pa ON pa.addressee_id = ad.id "
                + "WHERE pa.proposal_id = ? ORDER BY lower(ad.name)", AddresseeRepository::map, proposalId);
    }

    /** Addressees of many proposals in one query (list pages). */
    public Map<Long, List<Addressee>> ofProposals(Sql sql, Collection<Long> proposalIds) {
        if (proposalIds.isEmpty()) {
            return Map.of();
        }
        record Link(long proposalId, Addressee addressee) {
        }
        return sql.list("SELECT pa.proposal_id, " + COLUMNS + FROM
                        + "JOIN proposal_addressee pa ON pa.addressee_id = ad.id "
                        + "WHERE pa.proposal_id = ANY(?) ORDER BY lower(ad.name)",
                        r -> new Link(r.lng("proposal_id"), map(r)), (Object) proposalIds.toArray(Long[]::new))
                .stream()
                .collect(Collectors.groupingBy(Link::proposalId,
                        Collectors.mapping(Link::addressee, Collectors.toList())));
    }

    /** Whether {@code accountId} is linked to any addressee of the proposal (it may then answer). */
    public Optional<Addressee> linkedAddresseeOf(Sql sql, long proposalId, long accountId) {
        return sql.one("SELECT " + COLUMNS + FROM + "JOIN proposal_addressee pa ON pa.addressee_id = ad.id "
                + "WHERE pa.proposal_id = ? AND ad.account_id = ? ORDER BY ad.id LIMIT 1",
                AddresseeRepository::map, proposalId, accountId);
    }

    /** The account staff link by user name (or e-mail address); empty if there is none. */
    public Optional<Long> accountId(Sql sql, String usernameOrEmail) {
        return sql.one("SELECT id FROM account WHERE (lower(username) = lower(?) OR lower(email) = lower(?)) "
                + "AND deleted_at IS NULL", r -> r.lng("id"), usernameOrEmail, usernameOrEmail);
    }
}
