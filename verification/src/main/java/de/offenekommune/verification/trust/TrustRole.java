package de.offenekommune.verification.trust;

/** Why this node trusts an issuer. */
public enum TrustRole {
    /** The node's own town (or region) actor. */
    SELF,
    /** The regional association the node belongs to. */
    REGION,
    /** An issuer the operator configured, e.g. a state-wide registry. */
    ANCHOR
}
