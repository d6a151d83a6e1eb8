package de.offenekommune.federation.store;

import java.sql.SQLException;

/** A database failure: the caller answers 5xx or retries later; it is never the remote side's fault. */
public final class StoreException extends RuntimeException {
    StoreException(SQLException cause) {
        super("database: " + cause.getMessage(), cause);
    }
}
