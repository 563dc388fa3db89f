package dev.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.testing.PackagedCanopy;
import dev.canopy.testing.TemporaryFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar canopy.jar} as someone trying it first runs it: no database configured. Instead of Spring's
 * DataSource failure, one line says how to run the demo or point Canopy at PostgreSQL, and the process exits with an
 * error.
 */
class CanopyWithoutADatabaseSaysHowToRunIT {

    @Test
    void oneLineSaysHowToRunTheDemoOrWhichSettingsToSet() throws Exception {
        Path work = Files.createTempDirectory("canopy-no-db-");
        try (var folder = TemporaryFolders.deletedOnClose(work);
                PackagedCanopy canopy = PackagedCanopy.start("canopy", work, Map.of())) {
            int exitCode = canopy.awaitExit(Duration.ofSeconds(60));
            String output = canopy.output();
            try {
                assertThat(exitCode).as("exit code").isNotZero();
                assertThat(output.lines())
                        .as("one line says both ways")
                        .anySatisfy(line -> assertThat(line)
                                .contains("Canopy needs PostgreSQL")
                                .contains("./mvnw spring-boot:run")
                                .contains("SPRING_DATASOURCE_URL")
                                .contains("SPRING_DATASOURCE_USERNAME")
                                .contains("SPRING_DATASOURCE_PASSWORD"));
                assertThat(output)
                        .as("Spring's own DataSource failure")
                        .doesNotContain("Failed to configure a DataSource")
                        .doesNotContain("DataSourceBeanCreationException");
            } catch (AssertionError e) {
                canopy.dumpOutput("no database: failed");
                throw e;
            }
        }
    }
}
