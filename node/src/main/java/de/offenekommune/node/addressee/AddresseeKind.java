package de.offenekommune.node.addressee;

/** What an addressee is; shown as a label and used to group the choice in the proposal form. */
public enum AddresseeKind {
    COUNCIL_MEMBER, COMMITTEE, DEPARTMENT;

    /** @return the kind, or null for an unknown value (the caller turns that into a field error) */
    public static AddresseeKind parse(String value) {
        for (AddresseeKind k : values()) {
            if (k.name().equals(value)) {
                return k;
            }
        }
        return null;
    }
}
