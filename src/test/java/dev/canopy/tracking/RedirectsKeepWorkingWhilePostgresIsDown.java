package dev.canopy.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.CanopyApplication;
import dev.canopy.testing.TestSupport;
import dev.canopy.tracking.internal.ClickWriter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The redirect never waits on PostgreSQL: with the database stopped, links keep redirecting, the clicks
 * wait in the writer's queue, and they land once PostgreSQL is back. A real server is stopped and
 * started again on the same data directory and port.
 */
class RedirectsKeepWorkingWhilePostgresIsDown {

    private static final int VISITS_WHILE_DOWN = 200;

    @TempDir
    Path data;

    @Test
    void clicksMadeWhilePostgresIsDownLandWhenItIsBack() throws Exception {
        // The first start takes a port PostgreSQL itself found free; the restart needs the same one back.
        EmbeddedPostgres postgres = start(0);
        int port = postgres.getPort();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                        CanopyApplication.class, TestSupport.class)
                .run(
                        "--server.port=0",
                        "--canopy.embedded-postgres.enabled=false",
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--canopy.mail.sink.enabled=true",
                        "--canopy.mail.sink.port=0",
                        "--canopy.demo.enabled=false")) {
            TrackingFixtures tracking = new TrackingFixtures(app);
            TrackingFixtures.Setup setup = tracking.setup();
            String link = "http://localhost:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort() + "/r/"
                    + setup.tenant().slug() + "/" + setup.link().slug();
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            ClickWriter writer = app.getBean(ClickWriter.class);
            long writtenBefore = writer.counts().written();

            postgres.close();
            for (int i = 0; i < VISITS_WHILE_DOWN; i++) {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(link))
                                .header("User-Agent", "Mozilla/5.0 visitor " + i)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).isEqualTo(302);
                assertThat(response.headers().firstValue("Location").orElseThrow())
                        .contains("cnp_click=");
            }
            assertThat(writer.counts().accepted()).isGreaterThanOrEqualTo(VISITS_WHILE_DOWN);
            assertThat(writer.counts().written()).isEqualTo(writtenBefore);

            postgres = start(port);
            JdbcClient db = app.getBean(JdbcClient.class);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> db.sql("select count(*) from tracking_click where workspace_id = ?")
                                    .param(setup.tenant().id().value())
                                    .query(Long.class)
                                    .single()
                            == VISITS_WHILE_DOWN);
            assertThat(writer.counts().dropped()).isZero();
        } finally {
            postgres.close();
        }
    }

    /** On {@code port}, or on one the builder finds free when 0. */
    private EmbeddedPostgres start(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("pg"))
                .setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC");
        return (port == 0 ? builder : builder.setPort(port)).start();
    }
}
