import bench.Bench;
import com.sun.net.httpserver.HttpServer;
import dev.canopy.identity.Workspaces;
import dev.canopy.platform.AsSystem;
import dev.canopy.programs.ProgramId;
import dev.canopy.programs.ApplicationSubmitted;
import dev.canopy.shared.Actor;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.webhooks.WebhookEndpoints;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook fan-out: events (applications submitted, a type sent in any order) committed one per transaction, each to every endpoint, received by local servers that
 * note when each message arrived; deliveries per second, and the time from an event's commit to its arrival.
 */
public class WebhooksBench {

    private static final Pattern SEQUENCE = Pattern.compile("bench-(\\d+)@");

    public static void main(String[] args) throws Exception {
        int events = 100_000;
        int endpoints = 10;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1).replace("_", "").replace(",", "");
            if (arg.startsWith("--events=")) {
                events = Integer.parseInt(value);
            } else if (arg.startsWith("--endpoints=")) {
                endpoints = Integer.parseInt(value);
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        // When each event committed, and when each endpoint received it (nanoTime, one JVM).
        AtomicLongArray committed = new AtomicLongArray(events);
        AtomicLongArray received = new AtomicLongArray(events * endpoints);
        AtomicLong arrivals = new AtomicLong();
        List<HttpServer> receivers = new ArrayList<>();
        for (int e = 0; e < endpoints; e++) {
            int endpoint = e;
            int total = events;
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = SEQUENCE.matcher(body);
                if (m.find()) {
                    int n = Integer.parseInt(m.group(1));
                    if (n < total && received.compareAndSet(endpoint * total + n, 0, System.nanoTime())) {
                        arrivals.incrementAndGet();
                    }
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            receivers.add(server);
        }
        try (Bench.Canopy canopy = Bench.start(
                Files.createTempDirectory("webhooks-bench"),
                false,
                "--canopy.webhooks.allowed-ranges=127.0.0.1/32")) {
            ConfigurableApplicationContext app = canopy.app();
            String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            WorkspaceId workspace = app.getBean(Workspaces.class)
                    .signUp(new Workspaces.SignUp(
                            "Bench Co", slug, "Bench Owner", slug + "@bench.example", "bench-password-2026"))
                    .workspaceId();
            WebhookEndpoints webhooks = app.getBean(WebhookEndpoints.class);
            for (HttpServer server : receivers) {
                String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
                AsSystem.in(workspace, Actor.system(), () -> webhooks.create(
                        new WebhookEndpoints.EndpointInput(url, "bench receiver", List.of())));
            }
            ApplicationEventPublisher publisher = app;
            TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
            ProgramId program = new ProgramId(UUID.randomUUID());
            System.out.printf("committing %,d events for %d endpoints (%,d deliveries)%n", events, endpoints,
                    (long) events * endpoints);
            long start = System.nanoTime();
            for (int n = 0; n < events; n++) {
                int sequence = n;
                transactions.executeWithoutResult(s -> publisher.publishEvent(new ApplicationSubmitted(
                        workspace,
                        UUID.randomUUID(),
                        program,
                        "Applicant " + sequence,
                        "bench-" + sequence + "@applicant.example",
                        Instant.now())));
                committed.set(n, System.nanoTime());
            }
            long allCommitted = System.nanoTime();
            System.out.printf("committed in %.1f s (%,.0f events/s)%n", (allCommitted - start) / 1e9,
                    events / ((allCommitted - start) / 1e9));
            long expected = (long) events * endpoints;
            long deadline = System.nanoTime() + 3_600_000_000_000L;
            while (arrivals.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long end = System.nanoTime();
            long[] latencies = new long[(int) expected];
            long last = 0;
            for (int e = 0; e < endpoints; e++) {
                for (int n = 0; n < events; n++) {
                    long at = received.get(e * events + n);
                    latencies[e * events + n] = at - committed.get(n);
                    last = Math.max(last, at);
                }
            }
            Arrays.sort(latencies);
            System.out.printf(
                    "%,d of %,d delivered; %,.0f deliveries/s from the first commit to the last arrival (%.1f s)%n",
                    arrivals.get(), expected, arrivals.get() / ((last - start) / 1e9), (last - start) / 1e9);
            System.out.printf("commit to arrival: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    latencies[latencies.length / 2] / 1e6,
                    latencies[(int) (latencies.length * 0.99)] / 1e6,
                    latencies[latencies.length - 1] / 1e6);
            System.out.printf("(waited %.1f s after the last commit)%n", (end - allCommitted) / 1e9);
        } finally {
            receivers.forEach(server -> server.stop(0));
        }
    }
}
