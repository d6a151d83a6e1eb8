package de.offenekommune.verification.proof;

/** Why a document's proof does not prove what it claims. */
public enum ProofFailure {
    /** No single well-formed DataIntegrityProof with purpose assertionMethod, or the document itself is unusable. */
    MALFORMED,
    /** A cryptosuite we do not verify. */
    UNSUPPORTED_CRYPTOSUITE,
    /** The proof's own {@code expires} has passed. */
    EXPIRED,
    /** The verification method's document could not be fetched or does not contain it. */
    KEY_UNRESOLVED,
    /** The key exists but is not the expected actor's assertion method. */
    KEY_NOT_OWNED,
    /** The object's id and its owner are on different origins (FEP-fe34). */
    ORIGIN_MISMATCH,
    /** The document could not be transformed for hashing (e.g. a JSON-LD context that is not built in). */
    UNVERIFIABLE,
    /** The signature does not match the document. */
    BAD_SIGNATURE
}
