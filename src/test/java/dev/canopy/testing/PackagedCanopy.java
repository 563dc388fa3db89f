package dev.canopy.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code target/canopy.jar} started with {@code java -jar} in a process of its own, its output
 * in a file. Used by the integration tests that run in {@code verify}, after {@code package} built the jar.
 */
public final class PackagedCanopy implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
    private static final Pattern TOMCAT_STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final int LINES_IN_FAILURE = 40;

    private static final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String name;
    private final Process process;
    private final Path output;
    private volatile String baseUrl;
    private boolean outputDumped;

    private PackagedCanopy(String name, Process process, Path output) {
        this.name = name;
        this.process = process;
        this.output = output;
    }

    /**
     * Starts the jar in {@code directory} with only the given Spring and Canopy environment (the test's own is
     * not inherited) and the given extra arguments. Ready, see {@link #awaitReady()}, means its application
     * runners (the demo data's loader among them) have finished.
     */
    /** The JVM flags of the README's production command: the pom's {@code canopy.jvm-options}. */
    public static List<String> productionJvmOptions() {
        String options = System.getProperty("canopy.jvm-options");
        assertThat(options)
                .as("canopy.jvm-options, set by the pom for the tests")
                .isNotBlank();
        return List.of(options.strip().split("\\s+"));
    }

    public static PackagedCanopy start(String name, Path directory, Map<String, String> environment, String... args)
            throws IOException {
        Path jar = Path.of("target", "canopy.jar").toAbsolutePath();
        assertThat(jar)
                .as("the packaged jar (built by 'package' before 'verify')")
                .isRegularFile();
        Path output = directory.resolve(name + ".out");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(productionJvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=0"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("CANOPY_"));
        env.putAll(environment);
        return new PackagedCanopy(name, builder.start(), output);
    }

    /** Waits until the process is ready; on failure its output says why. */
    public PackagedCanopy awaitReady() throws InterruptedException {
        try {
            pollReadiness();
            return this;
        } catch (Throwable e) {
            dumpOutput(name + " did not become ready");
            throw e;
        }
    }

    private void pollReadiness() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail(
                        "%s exited with code %d before it was ready; its output ended with:%n%s",
                        name, process.exitValue(), lastLines(LINES_IN_FAILURE));
            }
            try {
                if (baseUrl == null && !learnPort()) {
                    Thread.sleep(500);
                    continue;
                }
                HttpResponse<String> health = get("/actuator/health/readiness", "application/json");
                if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
                    return;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        fail(
                "%s was not ready within %s; last answer: %s; its output ended with:%n%s",
                name, STARTUP_LIMIT, last, lastLines(LINES_IN_FAILURE));
    }

    /**
     * Started on port 0, the process says which port it bound: a free port picked here and handed over could be
     * taken meanwhile, even by the process's own connections to PostgreSQL.
     */
    private boolean learnPort() throws IOException {
        Matcher started = TOMCAT_STARTED.matcher(output());
        if (started.find()) {
            baseUrl = "http://127.0.0.1:" + started.group(1);
        }
        return baseUrl != null;
    }

    /** Waits for the process to end by itself (one that cannot start, say); answers its exit code. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            dumpOutput(name + " did not exit");
            fail("%s was still running after %s", name, limit);
        }
        return process.exitValue();
    }

    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", accept)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What the process has written so far. */
    public String output() throws IOException {
        return Files.readString(output);
    }

    /** The end of its output, for a failure's message: CI logs show the message, not the report files. */
    private String lastLines(int count) {
        try {
            List<String> lines = Files.readAllLines(output);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Prints the process's output into the test log, once: on a failure it says why. */
    public synchronized void dumpOutput(String why) {
        if (outputDumped || !Files.exists(output)) {
            return;
        }
        outputDumped = true;
        try {
            System.err.println("---- " + why + ": output of " + name + " (" + output + ") ----");
            System.err.println(Files.readString(output));
            System.err.println("---- end of " + name + "'s output ----");
        } catch (IOException e) {
            System.err.println("Could not read " + output + ": " + e);
        }
    }

    /** SIGTERM, a graceful shutdown as an operator's service manager does; killed if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
