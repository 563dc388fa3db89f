package dev.canopy.webhooks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts a signed message to an endpoint and tells what came back. Every name is resolved through {@link
 * Destinations} when the connection is made (a name that resolves to a private address is refused then, not only
 * when the endpoint was saved); redirects are never followed; the whole exchange is cut off after 15 seconds.
 */
public class Sender implements AutoCloseable {

    /** The longest an attempt may take, from connecting to the last byte of the answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** How much of a receiver's answer the delivery log keeps. */
    static final int EXCERPT = 2_000;

    /** What an attempt came to: a status (null when none came back), an excerpt, an error, the time taken. */
    public record Outcome(Integer status, String body, String error, Duration latency, Optional<Duration> retryAfter) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /** 410 Gone: the receiver says the endpoint is no more. */
        public boolean gone() {
            return status != null && status == 410;
        }
    }

    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webhook-deadline").daemon().factory());
    private final Clock clock;

    public Sender(Destinations destinations, Clock clock) {
        this.clock = clock;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PublicOnlyDns(destinations))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(TIMEOUT))
                                .setSocketTimeout(Timeout.of(TIMEOUT))
                                .build())
                        // A batch's deliveries to one endpoint mostly go at once: waiting for a connection counts
                        // against an attempt's 15 seconds.
                        .setMaxConnTotal(200)
                        .setMaxConnPerRoute(32)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(TIMEOUT))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("Canopy-Webhooks/1")
                .build();
    }

    public Outcome post(URI url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline =
                deadlines.schedule(() -> post.cancel(), TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return http.execute(post, response -> {
                String excerpt = "";
                if (response.getEntity() != null) {
                    try (InputStream in = response.getEntity().getContent()) {
                        excerpt = new String(in.readNBytes(EXCERPT), StandardCharsets.UTF_8);
                    }
                }
                return new Outcome(
                        response.getCode(),
                        excerpt,
                        null,
                        since(started),
                        retryAfter(response.getFirstHeader("Retry-After")));
            });
        } catch (IOException | RuntimeException e) {
            String error = post.isCancelled()
                    ? "No answer within " + TIMEOUT.toSeconds() + " s"
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Outcome(null, null, error, since(started), Optional.empty());
        } finally {
            deadline.cancel(false);
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** {@code Retry-After} as seconds or an HTTP date; empty when absent or unreadable. */
    private Optional<Duration> retryAfter(Header header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.getValue().trim();
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(value, Instant::from);
                return Optional.of(Duration.between(clock.instant(), at));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }
}
