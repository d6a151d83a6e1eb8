package de.offenekommune.verification.attestation;

import java.util.Arrays;

/** What kind of organisation an attestation vouches for; the JSON value is the lower-case name. */
public enum AttestationCategory {
    /** Council group, party, mandate holder. */
    POLITICS("politics"),
    /** Office or department of the administration. */
    ADMINISTRATION("administration"),
    /** Association, church, school. */
    INSTITUTION("institution"),
    MUNICIPAL_COMPANY("municipal_company"),
    /** A region vouching that a node is the official node of a municipality (with its AGS). */
    MUNICIPALITY_NODE("municipality_node");

    private final String json;

    AttestationCategory(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public boolean isNode() {
        return this == MUNICIPALITY_NODE;
    }

    /** @throws IllegalArgumentException for values not listed here */
    public static AttestationCategory fromJson(String value) {
        return Arrays.stream(values()).filter(c -> c.json.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown category \"" + value + "\""));
    }
}
