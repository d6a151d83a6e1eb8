package de.offenekommune.federation.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the repository's {@code testdata/} folder (test vectors, fediverse fixtures), or the folder
 * {@code OK_TESTDATA_DIR} points to.
 */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Path root() {
        String configured = System.getenv("OK_TESTDATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("testdata");
            if (Files.isDirectory(candidate.resolve("testvectors"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("testdata/ (test vectors, fixtures) not found; set OK_TESTDATA_DIR");
    }

    public static Path testvectors() {
        return root().resolve("testvectors");
    }

    public static Path fixtures() {
        return root().resolve("fediverse");
    }
}
