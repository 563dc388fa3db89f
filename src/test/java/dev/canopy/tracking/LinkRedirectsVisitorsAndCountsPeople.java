package dev.canopy.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.testing.CanopyServerTest;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.internal.Redirector;
import dev.canopy.tracking.web.RedirectServer;
import dev.canopy.tracking.web.RedirectTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The redirect over real HTTP: where it sends people, what it counts, and what it refuses to do. */
@CanopyServerTest
class LinkRedirectsVisitorsAndCountsPeople {

    private static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Fixtures fixtures;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private TrackingFixtures tracking;
    private TrackingFixtures.Setup setup;

    @BeforeEach
    void setUp() {
        tracking = new TrackingFixtures(context);
        setup = tracking.setup();
    }

    @Test
    void aVisitorIsSentToTheDestinationWithUtmClickIdAndRefAndCountedOnceAnHour() throws Exception {
        HttpResponse<String> first = get(path() + "?campaign=spring", "203.0.113.7", BROWSER);

        assertThat(first.statusCode()).isEqualTo(302);
        URI location = URI.create(first.headers().firstValue("Location").orElseThrow());
        assertThat(location.getHost()).isEqualTo("www.shop.example");
        assertThat(location.getPath()).isEqualTo("/pricing");
        Map<String, String> query = query(location);
        assertThat(query)
                .containsEntry("plan", "pro")
                .containsEntry("utm_source", "partner")
                .containsEntry("utm_medium", "referral")
                .containsEntry("campaign", "spring")
                .containsKey("cnp_click")
                .containsKey("cnp_ref");
        UUID click = UUID.fromString(query.get("cnp_click"));
        tracking.awaitStored(click);
        // The visitor is the same in every version (a conversion after an upgrade still finds its click): the first
        // half of SHA-256 over the workspace, the address, a zero byte and the user agent. The application's port
        // reads the address from the connection (X-Forwarded-For counts only where a proxy is trusted).
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((setup.tenant().id().value() + "127.0.0.1").getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
        byte[] visitor = sha256.digest(BROWSER.getBytes(StandardCharsets.UTF_8));
        assertThat(context.getBean(JdbcClient.class)
                        .sql("select visitor from tracking_click where id = ?")
                        .param(click)
                        .query(String.class)
                        .single())
                .isEqualTo(HexFormat.of().formatHex(visitor, 0, 16));

        HttpResponse<String> again = get(path(), "203.0.113.7", BROWSER);
        assertThat(query(URI.create(again.headers().firstValue("Location").orElseThrow())))
                .containsEntry("cnp_click", click.toString());
        HttpResponse<String> someoneElse = get(path(), "198.51.100.20", BROWSER + " Edg/142.0");
        UUID other = UUID.fromString(
                query(URI.create(someoneElse.headers().firstValue("Location").orElseThrow()))
                        .get("cnp_click"));
        tracking.awaitStored(other);

        assertThat(other).isNotEqualTo(click);
        assertThat(tracking.rows("tracking_click", setup.tenant())).isEqualTo(2);
    }

    @Test
    void botsPreviewersAndHeadRequestsAreRedirectedButNeverCounted() throws Exception {
        for (String agent : List.of(
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                "facebookexternalhit/1.1",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "curl/8.5.0")) {
            HttpResponse<String> response = get(path(), "192.0.2.1", agent);
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(query(
                            URI.create(response.headers().firstValue("Location").orElseThrow())))
                    .doesNotContainKey("cnp_click")
                    .containsKey("cnp_ref");
        }
        HttpResponse<Void> head = http.send(
                HttpRequest.newBuilder(URI.create(base() + path()))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("User-Agent", BROWSER)
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(302);
        // a real click afterwards proves the writer ran: the bots' clicks would have landed before it
        HttpResponse<String> person = get(path(), "192.0.2.99", BROWSER);
        tracking.awaitStored(UUID.fromString(
                query(URI.create(person.headers().firstValue("Location").orElseThrow()))
                        .get("cnp_click")));

        assertThat(tracking.rows("tracking_click", setup.tenant())).isEqualTo(1);
    }

    @Test
    void noRequestParameterEncodingOrPathTrickLeavesTheStoredHost() throws Exception {
        List<String> attacks = List.of(
                "?next=//evil.example",
                "?//evil.example",
                "?%2F%2Fevil.example",
                "?@evil.example",
                "?x=@evil.example/",
                "?%5C%5Cevil.example",
                "?url=https%3A%2F%2Fevil.example%2F",
                "?a=%0d%0aLocation:%20https://evil.example",
                "?%23@evil.example",
                "?cnp_ref=evil&cnp_click=00000000-0000-7000-8000-000000000000",
                "?utm_source=evil",
                "?%E2%80%AE=%FF%FE",
                "?" + "a=b&".repeat(1000));
        for (String attack : attacks) {
            HttpResponse<String> response = get(path() + attack, "192.0.2.50", BROWSER);
            assertThat(response.statusCode()).as(attack).isEqualTo(302);
            String location = response.headers().firstValue("Location").orElseThrow();
            assertThat(location)
                    .as(attack)
                    .startsWith("https://www.shop.example/pricing?plan=pro&")
                    .doesNotContain("\\", "\r", "\n", " ");
            URI parsed = URI.create(location);
            assertThat(parsed.getHost()).as(attack).isEqualTo("www.shop.example");
            assertThat(parsed.getRawUserInfo()).as(attack).isNull();
            assertThat(query(parsed).get("utm_source")).as(attack).isEqualTo("partner");
            assertThat(query(parsed).get("cnp_ref")).as(attack).isNotEqualTo("evil");
        }
    }

    @Test
    void theDedicatedRedirectListenerAnswersAsTheApplicationPortDoes() throws Exception {
        RedirectServer server = context.getBean(RedirectServer.class);
        assertThat(server.loops())
                .as("half the cores by default")
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        assertThat(server.transport())
                .as("the first transport this machine has")
                .isEqualTo(Stream.of(RedirectTransport.values())
                        .filter(RedirectTransport::available)
                        .findFirst()
                        .orElseThrow());
        String listener = "http://localhost:" + server.port();
        HttpResponse<String> viaListener = http.send(
                HttpRequest.newBuilder(URI.create(listener + path() + "?next=//evil.example&utm_source=evil"))
                        .header("User-Agent", BROWSER + " listener")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> viaApp = get(path() + "?next=//evil.example&utm_source=evil", "x", BROWSER + " app");

        assertThat(viaListener.statusCode()).isEqualTo(302);
        assertThat(viaListener.headers().firstValue("Cache-Control")).contains("no-store");
        String fromListener = viaListener.headers().firstValue("Location").orElseThrow();
        String fromApp = viaApp.headers().firstValue("Location").orElseThrow();
        assertThat(fromListener.replaceFirst("cnp_click=[^&]+", ""))
                .isEqualTo(fromApp.replaceFirst("cnp_click=[^&]+", ""))
                .startsWith("https://www.shop.example/pricing?plan=pro&utm_source=partner&");
        tracking.awaitStored(UUID.fromString(query(URI.create(fromListener)).get("cnp_click")));
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(listener + "/r/nope/nothing"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    /** Each transport the machine has, on a listener of its own beside the application's (which takes the first). */
    @ParameterizedTest
    @EnumSource(RedirectTransport.class)
    void theListenerSpeaksPlainHttpKeepingConnectionsAliveAndRefusingWhatItCannotRead(RedirectTransport transport)
            throws Exception {
        Assumptions.assumeTrue(transport.available(), transport + " is not available on this machine");
        RedirectServer server = new RedirectServer(context.getBean(Redirector.class), 0, false, 1, transport);
        server.start();
        try {
            speaksPlainHttp(server.port());
        } finally {
            server.stop();
        }
    }

    private void speaksPlainHttp(int listener) throws Exception {
        String get = "GET " + path() + " HTTP/1.1\r\nHost: go\r\nUser-Agent: " + BROWSER + " raw\r\n\r\n";
        String head = "HEAD " + path() + " HTTP/1.1\r\nHost: go\r\n\r\n";
        String post = "POST " + path() + " HTTP/1.1\r\nHost: go\r\nContent-Length: 5\r\n\r\nhello";
        String closing = "GET /r/nope/nothing HTTP/1.0\r\n\r\n";

        String answers = exchange(listener, get + head + post + closing);

        List<String> heads = Stream.of(answers.split("(?=HTTP/1\\.1 )")).toList();
        assertThat(heads).hasSize(4);
        assertThat(heads.get(0))
                .startsWith("HTTP/1.1 302 Found\r\n")
                .contains("Cache-Control: no-store\r\n", "Connection: keep-alive\r\n", "Content-Length: 0\r\n")
                .contains("Location: https://www.shop.example/pricing?plan=pro&");
        assertThat(heads.get(1)).startsWith("HTTP/1.1 302 Found\r\n").endsWith("\r\n\r\n");
        assertThat(heads.get(2))
                .startsWith("HTTP/1.1 405 Method Not Allowed\r\n")
                .contains("Allow: GET, HEAD\r\n")
                .endsWith("Links answer GET and HEAD only.");
        assertThat(heads.get(3))
                .startsWith("HTTP/1.1 404 Not Found\r\n")
                .contains("Connection: close\r\n")
                .endsWith("This link does not exist.");
        assertThat(exchange(listener, "GET /r/a/b NOT-HTTP\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request\r\n");
        // A NUL that reached the click table would fail the writer's whole batch, again and again.
        for (String automated : List.of("Sec-Purpose: prefetch", "Purpose: prefetch")) {
            assertThat(exchange(
                            listener,
                            "GET " + path() + " HTTP/1.1\r\nUser-Agent: " + BROWSER + "\r\n" + automated
                                    + "\r\nConnection: close\r\n\r\n"))
                    .as(automated)
                    .startsWith("HTTP/1.1 302 Found\r\n")
                    .contains("cnp_ref=")
                    .doesNotContain("cnp_click=");
        }
        for (int server : new int[] {listener, port}) {
            assertThat(exchange(server, "GET " + path() + " HTTP/1.1\r\nHost: go\r\nUser-Agent: a\0b\r\n\r\n"))
                    .as("port %d", server)
                    .startsWith("HTTP/1.1 400 ");
        }
    }

    /** Sends raw bytes on one connection and reads until the listener closes it. */
    private static String exchange(int port, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aLinkEditedThroughTheApiRedirectsToItsNewDestinationAtOnce() throws Exception {
        HttpResponse<String> edited = http.send(
                HttpRequest.newBuilder(URI.create(
                                base() + "/api/v1/links/" + setup.link().id()))
                        .header("Authorization", "Bearer " + setup.apiKey())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                """
                                {"slug":"%s","destination":"https://docs.shop.example/start","utmSource":"newsletter"}""".formatted(setup.link().slug())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(edited.statusCode()).isEqualTo(200);

        String location = get(path(), "x", BROWSER + " edited")
                .headers()
                .firstValue("Location")
                .orElseThrow();
        assertThat(location).startsWith("https://docs.shop.example/start?utm_source=newsletter&");
    }

    @Test
    void unknownAndSwitchedOffLinksAreNotFoundOrGone() throws Exception {
        assertThat(get("/r/" + setup.tenant().slug() + "/no-such-link", "192.0.2.1", BROWSER)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/r/no-such-workspace/" + setup.link().slug(), "192.0.2.1", BROWSER)
                        .statusCode())
                .isEqualTo(404);
        fixtures.as(
                setup.tenant().owner(),
                () -> context.getBean(Links.class).setDisabled(setup.link().id(), true));

        assertThat(get(path(), "192.0.2.1", BROWSER).statusCode()).isEqualTo(410);
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(base() + path()))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(405);
    }

    private String path() {
        return "/r/" + setup.tenant().slug() + "/" + setup.link().slug();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private HttpResponse<String> get(String pathAndQuery, String forwardedFor, String agent) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                        .header("User-Agent", agent)
                        .header("X-Forwarded-For", forwardedFor)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> query(URI location) {
        String raw = location.getRawQuery();
        if (raw == null) {
            return Map.of();
        }
        return Stream.of(raw.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        p -> java.net.URLDecoder.decode(p[0], java.nio.charset.StandardCharsets.UTF_8),
                        p -> p.length < 2
                                ? ""
                                : java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8),
                        (a, b) -> a));
    }
}
