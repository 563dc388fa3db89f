package dev.canopy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Runs in {@code verify}, after {@code package} built the jar.
 */
class ExternalPostgresIT {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);
    private static final String DATABASE = "canopy";
    private static final String USER = "canopy_app";
    private static final String PASSWORD = "canopy-it-secret";

    private static EmbeddedPostgres postgres;
    private static Path workDirectory;
    private static Path appOutput;
    private static Process app;
    private static String baseUrl;
    private static boolean outputDumped;

    private static final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** On any failure, the application's own output says why: print it into the test log. */
    @RegisterExtension
    static final TestWatcher dumpOutputOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            dumpAppOutput("test " + context.getDisplayName() + " failed");
        }
    };

    @BeforeAll
    static void startPostgresAndCanopy() throws Exception {
        Path jar = Path.of("target", "canopy.jar").toAbsolutePath();
        assertThat(jar)
                .as("the packaged jar (built by 'package' before 'verify')")
                .isRegularFile();

        workDirectory = Files.createTempDirectory("canopy-it-");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(workDirectory.resolve("postgres"))
                .setCleanDataDirectory(true)
                .start();
        createDatabaseAndUser();

        int port = freePort();
        baseUrl = "http://127.0.0.1:" + port;
        appOutput = workDirectory.resolve("canopy.out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(), "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(appOutput.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("CANOPY_"));
        env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE);
        env.put("SPRING_DATASOURCE_USERNAME", USER);
        env.put("SPRING_DATASOURCE_PASSWORD", PASSWORD);
        app = builder.start();

        try {
            awaitHealthy();
        } catch (Throwable e) {
            dumpAppOutput("Canopy did not become healthy");
            throw e;
        }
    }

    @AfterAll
    static void stopCanopyAndPostgres() throws Exception {
        try {
            if (app != null) {
                app.destroy(); // SIGTERM: graceful shutdown, as an operator's service manager does
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } finally {
                deleteRecursively(workDirectory);
            }
        }
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void signUpPageIsServedAsHtml() throws Exception {
        HttpResponse<String> signup = get("/signup");

        assertThat(signup.statusCode()).isEqualTo(200);
        assertThat(signup.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(signup.body()).containsIgnoringCase("<html");
    }

    @Test
    void flywayMigratedTheExternalDatabase() throws Exception {
        try (Connection db = connectAsCanopy();
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
                        .isEqualTo(USER);
            }
        }
    }

    @Test
    void apiWithoutAKeyIsAProblem401() throws Exception {
        HttpResponse<String> workspace = get("/api/v1/workspace");

        assertThat(workspace.statusCode()).isEqualTo(401);
        assertThat(workspace.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(workspace.body()).contains("\"status\":401");
    }

    private static void createDatabaseAndUser() throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("create role " + USER + " login password '" + PASSWORD + "'");
            statement.execute("create database " + DATABASE + " owner " + USER);
        }
    }

    private static Connection connectAsCanopy() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE, USER, PASSWORD);
    }

    private static void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                fail("Canopy exited with code %d before it became healthy", app.exitValue());
            }
            try {
                HttpResponse<String> health = get("/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
                    return;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        fail("Canopy was not healthy within %s; last answer: %s", STARTUP_LIMIT, last);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, path.startsWith("/api/") ? "application/json" : "text/html,*/*;q=0.8");
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", accept)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private static synchronized void dumpAppOutput(String why) {
        if (appOutput == null || !Files.exists(appOutput) || outputDumped) {
            return;
        }
        outputDumped = true;
        try {
            System.err.println("---- " + why + ": output of java -jar canopy.jar (" + appOutput + ") ----");
            System.err.println(Files.readString(appOutput));
            System.err.println("---- end of canopy.jar output ----");
        } catch (IOException e) {
            System.err.println("Could not read " + appOutput + ": " + e);
        }
    }
}
