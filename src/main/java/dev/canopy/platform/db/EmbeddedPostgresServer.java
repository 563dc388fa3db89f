package dev.canopy.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real PostgreSQL server started from the binaries shipped as Maven artifacts. One server per data
 * directory per JVM: application contexts that share one (the tests' contexts) lease it, and the last
 * lease to close stops it, after the contexts that used it are gone.
 */
final class EmbeddedPostgresServer {

    /** The throw-away server's key: its data lives in a temporary directory removed on stop. */
    static final Path EPHEMERAL = Path.of("");

    private static final Map<Path, Running> RUNNING = new HashMap<>();

    private static final class Running {
        final EmbeddedPostgres server;
        int leases;

        Running(EmbeddedPostgres server) {
            this.server = server;
        }
    }

    /** A use of the server by one application context; closing the last one stops the server. */
    record Lease(Path key, EmbeddedPostgres server) implements AutoCloseable {
        @Override
        public void close() {
            release(key);
        }
    }

    private EmbeddedPostgresServer() {}

    /**
     * Leases the server keeping its data in {@code dataDirectory} (durably: fsync on), starting it if
     * needed; {@link #EPHEMERAL} leases a throw-away server tuned for speed. Port 0 picks a free port.
     */
    static synchronized Lease lease(Path dataDirectory, int port) {
        Path key = dataDirectory.equals(EPHEMERAL)
                ? EPHEMERAL
                : dataDirectory.toAbsolutePath().normalize();
        Running running = RUNNING.computeIfAbsent(key, k -> new Running(start(k, port)));
        running.leases++;
        return new Lease(key, running.server);
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // Stopped by the last lease, after Spring has closed its pools, not by a JVM hook racing it.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC");
            if (!dataDirectory.equals(EPHEMERAL)) {
                Files.createDirectories(dataDirectory);
                // The demo's data must survive a crash too, not only a clean restart.
                builder.setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static synchronized void release(Path key) {
        Running running = RUNNING.get(key);
        if (running == null || --running.leases > 0) {
            return;
        }
        RUNNING.remove(key);
        try {
            running.server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
        }
    }
}
