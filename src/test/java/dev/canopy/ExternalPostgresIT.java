package dev.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.testing.ExternalDatabase;
import dev.canopy.testing.PackagedCanopy;
import dev.canopy.testing.TemporaryFolders;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Canopy as an operator runs it: the packaged {@code target/canopy.jar} started with {@code java -jar}, pointed
 * at a separate PostgreSQL server through {@code SPRING_DATASOURCE_*} (no embedded database, no demo profile).
 * The server is a real PostgreSQL in its own process, on its own port, with its data in a temporary folder.
 */
class ExternalPostgresIT {

    private static Path workDirectory;
    private static ExternalDatabase database;
    private static PackagedCanopy canopy;

    /** On any failure, the application's own output says why: print it into the test log. */
    @RegisterExtension
    static final TestWatcher dumpOutputOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            canopy.dumpOutput("test " + context.getDisplayName() + " failed");
        }
    };

    @BeforeAll
    static void startPostgresAndCanopy() throws Exception {
        workDirectory = Files.createTempDirectory("canopy-it-");
        database = ExternalDatabase.start(workDirectory.resolve("postgres"));
        canopy = PackagedCanopy.start("canopy", workDirectory, database.environment())
                .awaitReady();
    }

    @AfterAll
    static void stopCanopyAndPostgres() throws Exception {
        try (var folder = TemporaryFolders.deletedOnClose(workDirectory);
                var db = database;
                var app = canopy) {
            // closed in reverse order: Canopy, then PostgreSQL, then the folder
        }
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = canopy.get("/actuator/health", "application/json");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void signUpPageIsServedAsHtml() throws Exception {
        HttpResponse<String> signup = canopy.get("/signup", "text/html,*/*;q=0.8");

        assertThat(signup.statusCode()).isEqualTo(200);
        assertThat(signup.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(signup.body()).containsIgnoringCase("<html");
    }

    @Test
    void flywayMigratedTheExternalDatabase() throws Exception {
        try (Connection db = database.connect();
                Statement statement = db.createStatement()) {
            List<String> failed = new ArrayList<>();
            int migrations = 0;
            try (ResultSet rows = statement.executeQuery(
                    "select version, description, success from flyway_schema_history order by installed_rank")) {
                while (rows.next()) {
                    migrations++;
                    if (!rows.getBoolean("success")) {
                        failed.add(rows.getString("version") + " " + rows.getString("description"));
                    }
                }
            }
            assertThat(migrations).as("migrations applied").isPositive();
            assertThat(failed).as("failed migrations").isEmpty();

            try (ResultSet table = statement.executeQuery("select to_regclass('identity_workspace') is not null, "
                    + "(select tableowner from pg_tables where tablename = 'identity_workspace')")) {
                table.next();
                assertThat(table.getBoolean(1))
                        .as("table identity_workspace exists")
                        .isTrue();
                assertThat(table.getString(2))
                        .as("owned by Canopy's database user")
                        .isEqualTo(ExternalDatabase.USER);
            }
        }
    }

    @Test
    void apiWithoutAKeyIsAProblem401() throws Exception {
        HttpResponse<String> workspace = canopy.get("/api/v1/workspace", "application/json");

        assertThat(workspace.statusCode()).isEqualTo(401);
        assertThat(workspace.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(workspace.body()).contains("\"status\":401");
    }
}
