package de.offenekommune.node.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run by the node itself, its cluster in {@code <data-dir>/postgres} so a
 * restart keeps everything. A file lock on {@code <data-dir>/node.lock} keeps a second node off the
 * same data directory; a PostgreSQL left running by a node that was killed is stopped before start.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedDatabase(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** @throws DatabaseStartException with an operator-readable message */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        Path cluster = dataDir.resolve("postgres");
        FileChannel channel = null;
        try {
            Files.createDirectories(cluster);
            channel = FileChannel.open(dataDir.resolve("node.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new DatabaseStartException("Another OffeneKommune node is running on the data directory "
                        + dataDir + ". Stop it first, or start this one with another node.data-dir.");
            }
            stopOrphanedServer(cluster);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky's defaults are for throw-away test databases (fsync off); a town's data is not.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info(() -> "Embedded PostgreSQL running on port " + postgres.getPort() + ", data in " + cluster);
            return new EmbeddedDatabase(postgres, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof DatabaseStartException d) {
                throw d;
            }
            throw new DatabaseStartException("The embedded PostgreSQL in " + cluster + " did not start: " + e.getMessage()
                    + ". See the log above; docs/operations.md lists the usual causes.", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops PostgreSQL cleanly (a fast shutdown with a checkpoint), then releases the data directory. */
    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // released by the OS when the process ends anyway
            }
            closeQuietly(lockChannel);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM already runs a node on the directory
        }
    }

    /**
     * We hold node.lock, so no live node owns this cluster. A postmaster.pid naming a live postgres
     * process means a node was killed without stopping its server: stop that orphan. A pid file naming
     * some other process is stale and is removed so PostgreSQL does not refuse to start.
     */
    private static void stopOrphanedServer(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (RuntimeException e) {
            LOG.warning("Removing unreadable " + pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        boolean isPostgres = process.flatMap(p -> p.info().command()).map(c -> c.contains("postgres")).orElse(false);
        if (process.isEmpty() || !isPostgres) {
            LOG.warning("Removing stale lock " + pidFile + " (process " + pid + " is not a running PostgreSQL)");
            Files.deleteIfExists(pidFile);
            return;
        }
        LOG.warning("PostgreSQL (pid " + pid + ") is still running on " + cluster
                + " from a node that ended without shutting down; stopping it before start");
        process.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown, no data loss
        try {
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new DatabaseStartException("PostgreSQL process " + pid + " still holds " + cluster
                    + " and did not stop within 60 s. Stop it by hand (kill " + pid + ") and start again.", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
