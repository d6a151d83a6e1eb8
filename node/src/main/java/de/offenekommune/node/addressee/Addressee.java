package de.offenekommune.node.addressee;

import java.time.Instant;

/**
 * Someone a proposal can be addressed to: a council member, a committee or a department.
 *
 * @param email where notifications go; null: nobody is mailed
 * @param accountId a local account that may answer proposals addressed here; null: staff answer
 * @param accountName the display name of that account (for the staff list), null if none
 * @param accountUsername its user name (what the staff form accepts), null if none
 * @param organisationHandle the organisation of that account (an organisation can be an addressee), or null
 * @param verifiedAs the legal name that organisation is verified as now (its badge), or null
 */
public record Addressee(long id, String name, AddresseeKind kind, String description, String email, Long accountId,
                        String accountName, String accountUsername, boolean active, Instant createdAt, Instant updatedAt,
                        String organisationHandle, String verifiedAs) {

    public boolean linkedTo(long account) {
        return accountId != null && accountId == account;
    }
}
