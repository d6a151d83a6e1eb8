package de.offenekommune.node.account;

import java.time.Instant;

/** A local account. The password hash stays in the repository and never travels in this record. */
public record Account(long id, String email, String displayName, String username, Role role, String locale,
                      Instant confirmedAt, Instant createdAt) {

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public boolean is(Role required) {
        return role.atLeast(required);
    }
}
