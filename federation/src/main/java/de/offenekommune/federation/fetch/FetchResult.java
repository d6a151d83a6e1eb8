package de.offenekommune.federation.fetch;

/** The outcome of a GET through {@link RemoteFetcher}. */
public sealed interface FetchResult {

    /** @param response the final response after redirects, status 2xx */
    record Fetched(OutboundResponse response) implements FetchResult {
    }

    /** @param status the HTTP status when the server answered, else 0 */
    record Failed(FetchFailure failure, String detail, int status) implements FetchResult {
        public static Failed of(FetchFailure failure, String detail) {
            return new Failed(failure, detail, 0);
        }
    }
}
