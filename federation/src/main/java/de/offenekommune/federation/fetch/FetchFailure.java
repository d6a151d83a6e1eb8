package de.offenekommune.federation.fetch;

/** Why an outbound request produced no usable document. */
public enum FetchFailure {
    NOT_HTTP("only http(s) URLs are fetched"),
    FORBIDDEN_ADDRESS("the host resolves to an address outbound requests may not reach"),
    TOO_MANY_REDIRECTS("too many redirects"),
    TOO_LARGE("response is larger than allowed"),
    TIMEOUT("the remote server did not answer in time"),
    CONNECTION_FAILED("could not connect"),
    HTTP_STATUS("the remote server answered with an error status"),
    GONE("the document is gone (410)"),
    WRONG_CONTENT_TYPE("response is not an ActivityPub document"),
    ID_MISMATCH("document id differs from the URL it was fetched from"),
    MALFORMED("response is not a usable document");

    private final String message;

    FetchFailure(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
