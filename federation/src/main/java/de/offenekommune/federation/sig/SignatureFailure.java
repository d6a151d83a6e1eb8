package de.offenekommune.federation.sig;

/** Why a signed request was not accepted; the inbox puts the reason into its 401 answer. */
public enum SignatureFailure {
    NO_SIGNATURE("request is not signed"),
    MALFORMED("signature header does not parse"),
    ALGORITHM_NOT_ALLOWED("signature algorithm is not allowed"),
    COMPONENT_NOT_COVERED("signature does not cover the required parts of the request"),
    DIGEST_MISSING("body digest is missing or not covered by the signature"),
    DIGEST_MISMATCH("body does not match its digest"),
    DATE_MISSING("signature has no date or created time"),
    OUTSIDE_TIME_WINDOW("signature time is too far from now"),
    EXPIRED("signature has expired"),
    KEY_NOT_FOUND("signing key could not be found"),
    KEY_OWNER_MISMATCH("signing key is not owned by the actor that claims it"),
    KEY_TOO_WEAK("signing key is too weak"),
    INVALID_SIGNATURE("signature does not verify");

    private final String message;

    SignatureFailure(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
