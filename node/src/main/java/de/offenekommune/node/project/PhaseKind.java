package de.offenekommune.node.project;

import java.util.Optional;

/** The stage a phase stands for; {@code code} is the value in filter URLs. */
public enum PhaseKind {
    INFORMATION("information"),
    PARTICIPATION("beteiligung"),
    EVALUATION("auswertung"),
    IMPLEMENTATION("umsetzung");

    private final String code;

    PhaseKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<PhaseKind> byCode(String code) {
        for (PhaseKind k : values()) {
            if (k.code.equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
