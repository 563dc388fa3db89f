import dev.canopy.CanopyApplication;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.internal.Click;
import dev.canopy.tracking.internal.ClickIds;
import dev.canopy.tracking.internal.ClickWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The click writer alone, sustained: N clicks offered as fast as the queue takes them, timed from the
 * first offer until the last is in PostgreSQL (embedded, fsync on, in a temporary directory).
 */
public class ClickWriterBench {

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String data = Files.createTempDirectory("click-writer-bench").resolve("pg").toString();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CanopyApplication.class)
                .run(
                        "--server.port=0",
                        "--canopy.embedded-postgres.enabled=true",
                        "--canopy.embedded-postgres.data-dir=" + data,
                        "--canopy.embedded-postgres.port=0",
                        "--canopy.mail.sink.enabled=true",
                        "--canopy.mail.sink.port=0",
                        "--logging.level.root=WARN")) {
            ClickWriter writer = app.getBean(ClickWriter.class);
            WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
            UUID[] partners = new UUID[100];
            for (int i = 0; i < partners.length; i++) {
                partners[i] = UUID.randomUUID();
            }
            UUID program = UUID.randomUUID();
            String agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36";
            long writtenBefore = writer.counts().written();
            Duration postgresBefore = postgresCpu(data);
            Duration jvmBefore = jvmCpu();
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                while (writer.counts().queued() > 150_000) {
                    Thread.sleep(1);
                }
                UUID partner = partners[i % partners.length];
                Instant now = Instant.now();
                writer.offer(new Click(
                        ClickIds.next(now.toEpochMilli()),
                        workspace,
                        partner,
                        partner,
                        program,
                        now,
                        Long.toHexString(i * 2654435761L) + "00000000",
                        "203.0.113.0",
                        agent,
                        i % 3 == 0 ? "https://www.linkedin.com/" : null,
                        null));
            }
            while (writer.counts().written() - writtenBefore < total) {
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "click writer: %,d clicks written in %.2f s = %,.0f clicks/s sustained (dropped: %d)%n",
                    total, seconds, total / seconds, writer.counts().dropped());
            // On the redirect's machine these are the cores it shares: CPU per click, not the wall clock, is what
            // storing takes from it (ADR 35).
            System.out.printf(
                    "CPU per click: PostgreSQL %.2f µs, this JVM %.2f µs (the offering loop included)%n",
                    postgresCpu(data).minus(postgresBefore).toNanos() / 1e3 / total,
                    jvmCpu().minus(jvmBefore).toNanos() / 1e3 / total);
        }
    }

    /**
     * The embedded server's postmaster (pg_ctl detached it: it is no descendant of this JVM), found by its data
     * directory, and its processes; the pool's backends live through the run.
     */
    private static Duration postgresCpu(String data) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(data))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration jvmCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    }
}
