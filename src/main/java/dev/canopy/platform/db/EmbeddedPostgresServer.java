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
 * directory per JVM: test contexts that share a directory share the server instead of each starting one.
 */
public final class EmbeddedPostgresServer {

    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();
    private static EmbeddedPostgres ephemeral;

    private EmbeddedPostgresServer() {}

    /** A server whose data lives in a temporary directory, removed when the JVM ends (the tests' server). */
    public static synchronized EmbeddedPostgres startEphemeral() {
        if (ephemeral == null) {
            try {
                ephemeral = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("timezone", "UTC")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopEphemeral));
        }
        return ephemeral;
    }

    private static synchronized void stopEphemeral() {
        try {
            ephemeral.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (or reuses) the server keeping its data in {@code dataDirectory}; port 0 picks a free port. */
    public static synchronized EmbeddedPostgres start(Path dataDirectory, int port) {
        Path key = dataDirectory.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(key, dir -> {
            try {
                Files.createDirectories(dir);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("timezone", "UTC");
                if (port > 0) {
                    builder.setPort(port);
                }
                return builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dir, e);
            }
        });
    }
}
