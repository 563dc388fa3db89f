package dev.canopy.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries shipped as Maven artifacts. One server per data
 * directory per JVM: application contexts that share one (the tests' contexts) lease it, and the last
 * lease to close stops it, after the contexts that used it are gone.
 */
final class EmbeddedPostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

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
                stopLeftover(dataDirectory);
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

    /**
     * A Canopy killed without stopping its server (kill -9, a power cut in a container) leaves that PostgreSQL
     * running on the data directory, and a new one would refuse to start ("lock file postmaster.pid already
     * exists") or depend on reusing its port by luck. The orphan serves no one: it is stopped (its sessions died
     * with their process, so a smart shutdown checkpoints and stops at once), then the data directory is used.
     */
    private static void stopLeftover(Path dataDirectory) throws IOException {
        Path lock = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(lock)) {
            return;
        }
        String first = Files.readAllLines(lock).stream().findFirst().orElse("").strip();
        if (!first.matches("[0-9]+")) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(first))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("postgres"));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn(
                "PostgreSQL {} is still running on {}, left by a Canopy that did not stop it: stopping it first",
                first,
                dataDirectory);
        try {
            orphan.get().destroy();
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL " + first, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("PostgreSQL " + first + " on " + dataDirectory + " did not stop within a minute", e);
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
