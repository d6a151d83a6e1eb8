package de.offenekommune.node.project;

import java.util.Optional;

/** What kind of undertaking a project is; {@code code} is the value in filter URLs. */
public enum ProjectKind {
    PLANNING("bauleitplanung"),
    CONSTRUCTION("bauvorhaben"),
    STATUTE("satzung"),
    BUDGET("haushalt"),
    OTHER("sonstiges");

    private final String code;

    ProjectKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ProjectKind> byCode(String code) {
        for (ProjectKind k : values()) {
            if (k.code.equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
