package de.offenekommune.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Every key of the built-in application.yaml is explained in docs/operations.md. */
class ConfigDocsTest {

    @Test
    void everyConfigurationKeyIsDocumented() throws IOException {
        Map<String, Object> yaml;
        try (InputStream in = ConfigDocsTest.class.getResourceAsStream("/application.yaml")) {
            yaml = new org.yaml.snakeyaml.Yaml().load(in);
        }
        TreeSet<String> keys = new TreeSet<>();
        flatten("", yaml, keys);
        String docs = Files.readString(Path.of("../docs/operations.md"));
        TreeSet<String> missing = new TreeSet<>();
        for (String key : keys) {
            // A row may name two keys at once: `db.user`, `db.password`.
            if (!docs.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        assertEquals(new TreeSet<String>(), missing, "keys in application.yaml without a row in docs/operations.md");
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, TreeSet<String> keys) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> child) {
                flatten(key, (Map<String, Object>) child, keys);
            } else {
                keys.add(key);
            }
        });
    }
}
