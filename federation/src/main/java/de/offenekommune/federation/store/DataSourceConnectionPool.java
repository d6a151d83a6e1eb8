package de.offenekommune.federation.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;

/**
 * Lets Helidon's JDBC DbClient draw connections from a pool we configure ourselves (HikariCP), so
 * Flyway, the DbClient and the few plain-JDBC paths share one pool.
 */
public final class DataSourceConnectionPool implements JdbcConnectionPool {
    private final DataSource dataSource;

    private DataSourceConnectionPool(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static DbClient dbClient(DataSource dataSource) {
        return JdbcClientBuilder.create()
                .connectionPool(new DataSourceConnectionPool(dataSource))
                .build();
    }

    @Override
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DbClientException("no database connection: " + e.getMessage(), e);
        }
    }

    @Override
    public String dbType() {
        return "jdbc";
    }
}
