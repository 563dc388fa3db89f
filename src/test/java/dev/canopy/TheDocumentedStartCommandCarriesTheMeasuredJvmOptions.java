package dev.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.testing.PackagedCanopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's production command starts the jar with the flags the redirect benchmark measured best (the
 * pom's {@code canopy.jvm-options}, which {@code spring-boot:run}, the benchmark and the tests that start
 * the packaged jar use): a change to one that forgets the other fails here.
 */
class TheDocumentedStartCommandCarriesTheMeasuredJvmOptions {

    @Test
    void theReadmesProductionCommandUsesThePomsJvmOptions() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String command = "java " + String.join(" ", PackagedCanopy.productionJvmOptions()) + " -jar target/canopy.jar";

        assertThat(readme).contains(command);
        assertThat(readme.lines().filter(line -> line.matches("^java .*-jar .*canopy\\.jar.*")))
                .as("every java command in the README")
                .allMatch(line -> line.startsWith(command));
    }
}
