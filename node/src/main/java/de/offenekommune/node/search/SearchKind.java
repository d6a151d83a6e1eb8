package de.offenekommune.node.search;

import java.util.Optional;

/**
 * What search finds. {@code code} is the value of the kind filter in URLs ({@code ?art=vorschlag});
 * {@code order} breaks ties of equal rank (projects first) and is part of the paging cursor.
 */
public enum SearchKind {
    PROJECT("projekt", 3), PROPOSAL("vorschlag", 2), COMMENT("kommentar", 1);

    private final String code;
    private final int order;

    SearchKind(String code, int order) {
        this.code = code;
        this.order = order;
    }

    public String code() {
        return code;
    }

    int order() {
        return order;
    }

    public static Optional<SearchKind> byCode(String code) {
        for (SearchKind k : values()) {
            if (k.code.equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    static SearchKind byOrder(int order) {
        for (SearchKind k : values()) {
            if (k.order == order) {
                return k;
            }
        }
        throw new IllegalArgumentException("no search kind with order " + order);
    }
}
