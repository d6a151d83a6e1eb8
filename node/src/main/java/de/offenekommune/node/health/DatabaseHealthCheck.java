package de.offenekommune.node.health;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

import de.offenekommune.node.db.Database;

/** Readiness includes the database: a node without PostgreSQL must not get traffic. */
public final class DatabaseHealthCheck implements HealthCheck {
    private final Database database;

    public DatabaseHealthCheck(Database database) {
        this.database = database;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = database.ping();
        return HealthCheckResponse.builder().status(up).detail("database", up ? "reachable" : "unreachable").build();
    }
}
