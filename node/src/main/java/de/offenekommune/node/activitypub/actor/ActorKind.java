package de.offenekommune.node.activitypub.actor;

/** The kinds of local actors and the ActivityStreams type each is published as. */
public enum ActorKind {
    /** The municipality (or region) itself. */
    TOWN("Organization"),
    /** A project people can follow (FEP-1b12 group: it announces the project's content and discussion). */
    PROJECT("Group"),
    /** A citizen with a local account (a pseudonym is fine). */
    PERSON("Person"),
    /** The node itself; signs fetches. */
    INSTANCE("Application"),
    /** A verified organisation with its own keys (added by the verification workflow, see {@link ActorSource}). */
    ORGANIZATION("Organization");

    private final String asType;

    ActorKind(String asType) {
        this.asType = asType;
    }

    public String asType() {
        return asType;
    }

    /** Who may be followed from the fediverse. */
    public boolean followable() {
        return this != INSTANCE;
    }
}
