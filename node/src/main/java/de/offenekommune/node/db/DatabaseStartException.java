package de.offenekommune.node.db;

/** The database could not be reached or started; the message is written for the operator. */
public final class DatabaseStartException extends RuntimeException {
    public DatabaseStartException(String message) {
        super(message);
    }

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
