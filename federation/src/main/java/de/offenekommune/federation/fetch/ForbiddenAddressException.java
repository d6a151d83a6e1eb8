package de.offenekommune.federation.fetch;

/** Thrown at connect time when a host resolves to an address the {@link AddressPolicy} refuses. */
public final class ForbiddenAddressException extends RuntimeException {
    public ForbiddenAddressException(String message) {
        super(message);
    }
}
