package dev.canopy.imports.internal;

import dev.canopy.imports.ImportSource;
import dev.canopy.imports.RecordKind;
import dev.canopy.shared.InvalidInputException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every record of a source through its API with the key the vendor pasted, page after page, and writes each
 * kind as CSV in the source's export shape ({@link SourceApis}). The key is used for this and kept nowhere.
 */
@Component
public class ApiFetcher {

    /** Where a source's API answers when not at its own address (a proxy, or the tests' stub). */
    public interface Addresses {
        Optional<String> baseUrl(ImportSource source);
    }

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_PAGES = 10_000;
    private static final int MAX_RETRIES = 5;
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final JsonMapper json;
    private final ObjectProvider<Addresses> addresses;

    ApiFetcher(JsonMapper json, ObjectProvider<Addresses> addresses) {
        this.json = json;
        this.addresses = addresses;
    }

    /** Asks for the first page of partners, so a wrong key is named at once on the form. */
    public void check(ImportSource source, SourceApis.Credentials credentials) {
        SourceApis.Api api = SourceApis.of(source);
        page(source, credentials, api.listings().get(RecordKind.PARTNERS).path(), null, 1);
    }

    /** Every record, each kind as CSV text in the source's shape; {@code fetched} hears the running count. */
    public Map<RecordKind, String> fetch(ImportSource source, SourceApis.Credentials credentials, IntConsumer fetched) {
        SourceApis.Api api = SourceApis.of(source);
        Map<RecordKind, String> files = new EnumMap<>(RecordKind.class);
        List<JsonNode> partners = List.of();
        int[] count = {0};
        for (Map.Entry<RecordKind, SourceApis.Listing> entry : api.listings().entrySet()) {
            SourceApis.Listing listing = entry.getValue();
            List<String[]> rows = new ArrayList<>();
            if (listing.nested() != null) {
                for (JsonNode parent : partners) {
                    for (JsonNode item : parent.path(listing.nested())) {
                        rows.add(row(listing, item, parent));
                    }
                }
            } else if (listing.perParent()) {
                for (JsonNode parent : partners) {
                    String id = parent.path(api.paging().cursorField()).asString();
                    String path = listing.path().replace("{parent}", URLEncoder.encode(id, StandardCharsets.UTF_8));
                    for (JsonNode item : all(source, credentials, path, listing.items(), count, fetched)) {
                        rows.add(row(listing, item, parent));
                    }
                }
            } else {
                List<JsonNode> items = all(source, credentials, listing.path(), listing.items(), count, fetched);
                if (entry.getKey() == RecordKind.PARTNERS) {
                    partners = items;
                }
                items.forEach(item -> rows.add(row(listing, item, null)));
            }
            if (!rows.isEmpty()) {
                files.put(entry.getKey(), csv(listing, rows));
            }
        }
        return files;
    }

    private List<JsonNode> all(
            ImportSource source,
            SourceApis.Credentials credentials,
            String path,
            String itemsPath,
            int[] count,
            IntConsumer fetched) {
        SourceApis.Paging paging = SourceApis.of(source).paging();
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode root = page(source, credentials, path, cursor, page);
            List<JsonNode> items = items(root, itemsPath);
            all.addAll(items);
            count[0] += items.size();
            fetched.accept(count[0]);
            if (items.isEmpty()) {
                break;
            }
            if (paging.byCursor()) {
                cursor = items.getLast().path(paging.cursorField()).asString();
                if (!at(root, paging.more()).asBoolean(false)) {
                    break;
                }
            } else if (paging.more() != null
                    ? at(root, paging.more()).isNull()
                            || at(root, paging.more()).isMissingNode()
                    : items.size() < paging.size()) {
                break;
            }
        }
        return all;
    }

    private JsonNode page(
            ImportSource source, SourceApis.Credentials credentials, String path, @Nullable String cursor, int page) {
        SourceApis.Api api = SourceApis.of(source);
        SourceApis.Paging paging = api.paging();
        StringBuilder url = new StringBuilder(addresses
                        .getIfAvailable(() -> s -> Optional.empty())
                        .baseUrl(source)
                        .orElse(api.baseUrl()))
                .append(path)
                .append(path.contains("?") ? '&' : '?')
                .append(paging.sizeParam())
                .append('=')
                .append(paging.size());
        if (paging.byCursor() && cursor != null) {
            url.append('&').append(paging.nextParam()).append('=').append(encode(cursor));
        } else if (!paging.byCursor()) {
            url.append('&').append(paging.nextParam()).append('=').append(page);
        }
        if (api.accountParam() != null) {
            url.append('&').append(api.accountParam()).append('=').append(encode(credentials.account()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", api.authorization(credentials));
        if (api.accountHeader() != null) {
            request.header(api.accountHeader(), credentials.account() == null ? "" : credentials.account());
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new InvalidInputException("key", source.label() + "'s API did not answer: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while fetching from " + source.label(), e);
            }
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new InvalidInputException("key", source.label() + " refused this key (" + status + ")");
            }
            if (status == 429 && attempt < MAX_RETRIES) {
                sleep(response.headers()
                        .firstValue("Retry-After")
                        .map(ApiFetcher::seconds)
                        .orElse(attempt * 2L));
                continue;
            }
            if (status / 100 != 2) {
                throw new IllegalStateException(source.label() + " answered " + status + " for " + path);
            }
            return json.readTree(response.body());
        }
    }

    private static List<JsonNode> items(JsonNode root, String path) {
        JsonNode array = path.isEmpty() ? root : at(root, path);
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** The node at a dotted path; a number picks an array's element. */
    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String segment : path.split("\\.")) {
            current = segment.matches("\\d+") ? current.path(Integer.parseInt(segment)) : current.path(segment);
        }
        return current;
    }

    private static String[] row(SourceApis.Listing listing, JsonNode item, @Nullable JsonNode parent) {
        return listing.columns().values().stream()
                .map(path -> {
                    JsonNode value = path.startsWith("parent.") && parent != null
                            ? at(parent, path.substring("parent.".length()))
                            : at(item, path);
                    // Control characters cannot be stored (PostgreSQL refuses NUL): an answer's are dropped.
                    return value.isValueNode() && !value.isNull()
                            ? CONTROL.matcher(value.asString()).replaceAll("")
                            : "";
                })
                .toArray(String[]::new);
    }

    private static String csv(SourceApis.Listing listing, List<String[]> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(listing.columns().keySet());
            for (String[] row : rows) {
                printer.printRecord((Object[]) row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String encode(@Nullable String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.min(60, Math.max(1, Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a rate limit", e);
        }
    }
}
