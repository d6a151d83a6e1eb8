package de.offenekommune.federation.vocab;

import java.util.List;

/** The JSON-LD context URLs this library knows and ships (it never fetches any context). */
public final class Contexts {
    public static final String ACTIVITYSTREAMS = "https://www.w3.org/ns/activitystreams";
    public static final String SECURITY_V1 = "https://w3id.org/security/v1";
    public static final String DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2";
    public static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
    /** The project's own terms; a placeholder the node extends. */
    public static final String OFFENEKOMMUNE_V1 = "https://offenekommune.de/ns/v1";

    /** The special collection that makes an object public. */
    public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    /** Compact forms of {@link #PUBLIC} that servers also send. */
    public static final List<String> PUBLIC_ALIASES = List.of(PUBLIC, "as:Public", "Public");

    /** Media type of ActivityPub documents. */
    public static final String ACTIVITY_JSON = "application/activity+json";
    /** The other media type ActivityPub allows, with its required profile. */
    public static final String LD_JSON_AS = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    private Contexts() {
    }
}
