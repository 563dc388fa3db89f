package dev.canopy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.canopy.imports.ImportSource;
import dev.canopy.imports.internal.ApiFetcher;
import dev.canopy.imports.internal.SourceApis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;

/**
 * The sources' APIs as a local server that replays answers in their recorded shapes: each source answers under
 * {@code /<source>}, page by page (by cursor or by number, as the source pages), and only to the credentials it was
 * given; it notes every request it served. Never the real services.
 */
public class SourceApiStub implements ApiFetcher.Addresses, DisposableBean {

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<ImportSource, String> authorizations = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public SourceApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    @Override
    public Optional<String> baseUrl(ImportSource source) {
        return Optional.of("http://127.0.0.1:" + server.getAddress().getPort() + "/"
                + source.name().toLowerCase(Locale.ROOT));
    }

    /** The Authorization header the source accepts. */
    public void accept(ImportSource source, String authorization) {
        authorizations.put(source, authorization);
    }

    /**
     * The body answered for {@code path} at {@code page}: the cursor a request carries ("" for the first page) or
     * the page's number ("1" first), as the source pages. Any other page answers {@code empty}.
     */
    public void answer(ImportSource source, String path, String page, String body) {
        answers.put(key(source, path, page), body);
    }

    /** Each request's address, and its Account-ID header when it had one. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getRawPath().split("/", 3);
        ImportSource source = ImportSource.valueOf(parts[1].toUpperCase(Locale.ROOT));
        String path = "/" + parts[2];
        String account = exchange.getRequestHeaders().getFirst("Account-ID");
        requests.add(exchange.getRequestURI() + (account == null ? "" : " Account-ID=" + account));
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        SourceApis.Paging paging = SourceApis.of(source).paging();
        String page = query.getOrDefault(paging.nextParam(), paging.byCursor() ? "" : "1");
        String body = answers.get(key(source, path, page));
        int status = 200;
        if (!String.valueOf(authorizations.get(source))
                .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
            body = "{\"error\":\"unauthorized\"}";
        } else if (body == null) {
            body = answers.getOrDefault(key(source, "*", "empty"), "[]");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static String key(ImportSource source, String path, String page) {
        return source + " " + path + " " + page;
    }

    @Override
    public void destroy() {
        server.stop(0);
    }
}
