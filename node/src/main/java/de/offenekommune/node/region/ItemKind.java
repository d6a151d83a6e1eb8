package de.offenekommune.node.region;

import java.util.Optional;

import de.offenekommune.node.activitypub.neighbourhood.NeighbourItem;

/** The kinds of items in the regional overview; {@code code} is the value in filter URLs ({@code ?art=projekt}). */
public enum ItemKind {
    PROJECT("projekt", NeighbourItem.Kind.PROJECT),
    PROPOSAL("vorschlag", NeighbourItem.Kind.PROPOSAL),
    SURVEY("umfrage", NeighbourItem.Kind.SURVEY),
    EVENT("termin", NeighbourItem.Kind.EVENT);

    private final String code;
    private final NeighbourItem.Kind stored;

    ItemKind(String code, NeighbourItem.Kind stored) {
        this.code = code;
        this.stored = stored;
    }

    public String code() {
        return code;
    }

    NeighbourItem.Kind stored() {
        return stored;
    }

    static ItemKind of(NeighbourItem.Kind kind) {
        for (ItemKind k : values()) {
            if (k.stored == kind) {
                return k;
            }
        }
        throw new IllegalArgumentException(kind.name());
    }

    public static Optional<ItemKind> byCode(String code) {
        for (ItemKind k : values()) {
            if (k.code.equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
