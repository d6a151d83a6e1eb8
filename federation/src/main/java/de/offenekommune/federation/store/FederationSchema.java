package de.offenekommune.federation.store;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings the federation tables up to date. Uses its own history table so it can share a schema
 * with the node's migrations (baselineOnMigrate lets it start in a schema that already has tables).
 */
public final class FederationSchema {
    public static final String HISTORY_TABLE = "federation_schema_history";
    public static final String LOCATION = "classpath:db/federation";

    private FederationSchema() {
    }

    /** Runs pending migrations; returns how many were applied. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
