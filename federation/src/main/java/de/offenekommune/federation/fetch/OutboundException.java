package de.offenekommune.federation.fetch;

/** An outbound request that did not get a response, with the reason sorted out. */
public final class OutboundException extends RuntimeException {
    private final FetchFailure failure;

    public OutboundException(FetchFailure failure, String detail, Throwable cause) {
        super(detail, cause);
        this.failure = failure;
    }

    public FetchFailure failure() {
        return failure;
    }
}
