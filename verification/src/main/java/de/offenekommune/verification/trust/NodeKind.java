package de.offenekommune.verification.trust;

/** The {@code node.kind} setting: a municipality's node or a regional association's node. */
public enum NodeKind {
    TOWN,
    REGION
}
