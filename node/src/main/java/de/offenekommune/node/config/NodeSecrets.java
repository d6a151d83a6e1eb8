package de.offenekommune.node.config;

import java.security.SecureRandom;
import java.util.Base64;

import de.offenekommune.node.db.Sql;

/**
 * Secrets the node generates once and keeps in the database, so that every process serving the
 * town uses the same ones (CSRF tokens stay valid across processes and restarts).
 */
public final class NodeSecrets {
    private NodeSecrets() {
    }

    public static byte[] csrfSecret(Sql sql) {
        return secret(sql, "secret.csrf");
    }

    static byte[] secret(Sql sql, String key) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        // Insert-if-absent, then read: two processes starting at once agree on one value.
        sql.update("INSERT INTO node_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                key, Base64.getEncoder().encodeToString(fresh));
        String stored = sql.one("SELECT value FROM node_setting WHERE key = ?", r -> r.str("value"), key).orElseThrow();
        return Base64.getDecoder().decode(stored);
    }
}
