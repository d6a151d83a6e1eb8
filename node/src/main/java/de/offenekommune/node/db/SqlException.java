package de.offenekommune.node.db;

import java.sql.SQLException;

/** A statement failed; the message names the statement (abbreviated), the cause is the driver's exception. */
public final class SqlException extends RuntimeException {
    public SqlException(String message, SQLException cause) {
        super(message, cause);
    }
}
