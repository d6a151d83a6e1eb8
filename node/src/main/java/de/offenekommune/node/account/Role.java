package de.offenekommune.node.account;

/** What an account may do on this node; each role includes the ones before it. */
public enum Role {
    CITIZEN, STAFF, ADMIN;

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    public static Role parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown role: " + value);
        }
    }
}
