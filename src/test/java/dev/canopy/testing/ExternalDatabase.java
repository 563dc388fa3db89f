package dev.canopy.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A PostgreSQL server in its own process, as an operator's would be: one database owned by Canopy's own
 * login role, reached over TCP. Packaged Canopy processes are pointed at it through {@link #environment()}.
 */
public final class ExternalDatabase implements AutoCloseable {

    public static final String DATABASE = "canopy";
    public static final String USER = "canopy_app";
    private static final String PASSWORD = "canopy-it-secret";

    private final EmbeddedPostgres postgres;

    private ExternalDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static ExternalDatabase start(Path dataDirectory) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("create role " + USER + " login password '" + PASSWORD + "'");
            statement.execute("create database " + DATABASE + " owner " + USER);
        }
        return new ExternalDatabase(postgres);
    }

    private String url() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** Connected as Canopy's role, not the superuser. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /** The environment an operator sets to point Canopy at this server. */
    public Map<String, String> environment() {
        return Map.of(
                "SPRING_DATASOURCE_URL", url(),
                "SPRING_DATASOURCE_USERNAME", USER,
                "SPRING_DATASOURCE_PASSWORD", PASSWORD);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
