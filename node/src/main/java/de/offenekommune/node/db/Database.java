package de.offenekommune.node.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;

import io.helidon.common.LazyValue;
import io.helidon.dbclient.DbClient;

import de.offenekommune.federation.store.DataSourceConnectionPool;
import de.offenekommune.federation.store.FederationSchema;
import de.offenekommune.node.config.NodeConfig;

/**
 * The node's PostgreSQL: embedded by default, any external server when {@code db.url} is set. One
 * connection pool serves Flyway, the application's queries ({@link Sql}) and a Helidon DbClient for
 * code that wants one.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final EmbeddedDatabase embedded;
    private final HikariDataSource dataSource;
    /** Built on first use: building a DbClient (its mappers) is a noticeable part of the start time. */
    private final Supplier<DbClient> dbClient;

    private Database(EmbeddedDatabase embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.dbClient = LazyValue.create(() -> DataSourceConnectionPool.dbClient(dataSource));
    }

    public static Database start(NodeConfig config) {
        NodeConfig.DatabaseConfig db = config.database();
        EmbeddedDatabase embedded = null;
        String url = db.jdbcUrl();
        String user = db.user();
        String password = db.password();
        if (db.embedded()) {
            embedded = EmbeddedDatabase.start(config.dataDir(), db.embeddedPort());
            url = embedded.jdbcUrl();
            user = "postgres";
            password = "postgres";
        }
        try {
            HikariDataSource ds = pool(url, user, password, db.poolSize());
            checkConnection(ds, url);
            return new Database(embedded, ds);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** Runs every module's migrations (federation first: node tables may refer to it); each keeps its own history. */
    public void migrate() {
        FederationSchema.migrate(dataSource);
        migrate("db/node", "node_schema_history");
    }

    void migrate(String location, String historyTable) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(() -> "Applied " + result.migrationsExecuted + " migration(s) from " + location
                    + ", schema now at " + result.targetSchemaVersion);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DbClient dbClient() {
        return dbClient.get();
    }

    public Sql sql() {
        return new Sql(dataSource);
    }

    /** True if a trivial query answers: the readiness check. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(2, size));
        config.setPoolName("offenekommune");
        config.setInitializationFailTimeout(-1); // report a clear error ourselves below
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    private static void checkConnection(HikariDataSource ds, String url) {
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            ds.close();
            throw new DatabaseStartException("Cannot connect to PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }
}
