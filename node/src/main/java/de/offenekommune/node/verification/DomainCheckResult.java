package de.offenekommune.node.verification;

/** What the node found at {@code https://<domain>/.well-known/offenekommune-verification}. */
public enum DomainCheckResult {
    /** The file is there and names the request's token. */
    FOUND,
    /** The server answered, but not with the file (404 or another error status). */
    NOT_FOUND,
    /** The file is there, but it does not contain this request's token. */
    WRONG_TOKEN,
    /** The address (or a redirect's target) is one the node may not connect to, e.g. a private network. */
    REFUSED,
    TIMEOUT,
    /** No connection, too many redirects, or an answer too large. */
    UNREACHABLE
}
