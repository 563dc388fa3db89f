package bench;

import dev.canopy.CanopyApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the benchmarks that drive Canopy's beans share: Canopy on a throw-away embedded PostgreSQL, and the
 * median of their rounds. Compiled by their run.sh before the benchmark itself is launched.
 */
public final class Bench {

    private Bench() {}

    /**
     * A running Canopy and the folder its PostgreSQL lives in; closing stops both and removes the folder unless it
     * is to be kept.
     */
    public record Canopy(ConfigurableApplicationContext app, Path work, boolean keep) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            app.close();
            if (!keep) {
                deleteRecursively(work);
            }
        }
    }

    /**
     * Canopy with an embedded PostgreSQL (fsync on, Canopy's server settings) in a new temporary folder, on
     * random ports. Nothing scheduled (hold expiry, the payout schedule) may touch the rows being timed.
     */
    public static Canopy start(String name) throws IOException {
        return start(Files.createTempDirectory(name), false);
    }

    /**
     * Canopy on the PostgreSQL kept in {@code work} (made there if new), which closing keeps when asked to; {@code
     * settings} are more {@code --name=value} arguments.
     */
    public static Canopy start(Path work, boolean keep, String... settings) throws IOException {
        try {
            List<String> arguments = new java.util.ArrayList<>(List.of(
                    "--server.port=0",
                    "--canopy.embedded-postgres.enabled=true",
                    "--canopy.embedded-postgres.data-dir=" + work.resolve("pg"),
                    "--canopy.embedded-postgres.port=0",
                    "--canopy.mail.sink.enabled=true",
                    "--canopy.mail.sink.port=0",
                    "--canopy.commissions.hold-expiry-delay=1d",
                    "--canopy.payouts.schedule-cron=-",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN"));
            arguments.addAll(List.of(settings));
            ConfigurableApplicationContext app =
                    new SpringApplicationBuilder(CanopyApplication.class).run(arguments.toArray(String[]::new));
            return new Canopy(app, work, keep);
        } catch (RuntimeException e) {
            if (!keep) {
                deleteRecursively(work);
            }
            throw e;
        }
    }

    public static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
