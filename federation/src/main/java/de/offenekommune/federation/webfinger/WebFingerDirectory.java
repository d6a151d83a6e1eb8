package de.offenekommune.federation.webfinger;

import java.util.Optional;

/** Implemented by the application: finds its actors for WebFinger queries. */
public interface WebFingerDirectory {
    /** {@code acct:user@host}; the host is already checked to be one of ours. */
    Optional<WebFingerAccount> byAccount(String user, String host);

    /** An actor or profile URL. */
    Optional<WebFingerAccount> byUrl(String url);
}
