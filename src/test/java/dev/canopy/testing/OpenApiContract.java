package dev.canopy.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds every API exchange a {@link CanopyTest} makes to the OpenAPI document the server publishes: the
 * operation exists, its status is documented, the required headers are sent, the media type is a documented
 * one, and the body matches the schema — strictly, so a field the document lacks fails as surely as a wrong
 * type. A request that succeeded is held to the request schema too, so a field documented as required that
 * the server does without fails. Every API test is thereby a contract test (ADR 21).
 */
public final class OpenApiContract implements ResultHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENT = "/api/v1/openapi.json";

    /** The operations a successful exchange held to the document: written at exit, for the coverage they give. */
    private static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OpenApiContract::writeCoverage));
    }

    private final WebApplicationContext context;
    private volatile Document document;

    public OpenApiContract(WebApplicationContext context) {
        this.context = context;
    }

    @Override
    public void handle(MvcResult result) throws Exception {
        HttpServletRequest request = result.getRequest();
        String path = request.getRequestURI();
        if (!path.startsWith("/api/v1/") || path.startsWith(DOCUMENT)) {
            return;
        }
        List<String> failures = document().check(request, result.getResponse());
        if (!failures.isEmpty()) {
            throw new AssertionError("%s %s answered %d, which the OpenAPI document does not describe:%n  %s"
                    .formatted(
                            request.getMethod(),
                            path,
                            result.getResponse().getStatus(),
                            String.join("\n  ", failures)));
        }
    }

    /** target/openapi/exercised.txt: each operation id a test held to the document with a success. */
    private static void writeCoverage() {
        if (EXERCISED.isEmpty()) {
            return;
        }
        try {
            Path file = Path.of("target", "openapi", "exercised.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, new TreeSet<>(EXERCISED));
        } catch (IOException e) {
            System.err.println("Could not write the API coverage: " + e);
        }
    }

    /** The document as the server publishes it, fetched once. */
    public JsonNode openApi() throws Exception {
        return document().api;
    }

    private Document document() throws Exception {
        Document loaded = document;
        if (loaded == null) {
            String body = MockMvcBuilders.webAppContextSetup(context)
                    .build()
                    .perform(get(DOCUMENT))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            loaded = new Document(JSON.readTree(body));
            document = loaded;
        }
        return loaded;
    }

    private static final class Document {
        private final JsonNode api;
        private final List<Template> templates = new ArrayList<>();
        private final ObjectNode strictDefinitions;
        private final ObjectNode laxDefinitions;
        private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

        Document(JsonNode api) {
            this.api = api;
            api.path("paths").properties().forEach(e -> templates.add(Template.of(e.getKey(), e.getValue())));
            // The most literal template first: /payout-runs/preview before /payout-runs/{id}
            templates.sort(Comparator.comparingInt(Template::variables).thenComparing(t -> -t.path.length()));
            laxDefinitions = definitions(api, false);
            strictDefinitions = definitions(api, true);
        }

        List<String> check(HttpServletRequest request, MockHttpServletResponse response) throws Exception {
            List<String> failures = new ArrayList<>();
            String method = request.getMethod().toLowerCase(Locale.ROOT);
            int status = response.getStatus();
            if (response.getHeader("Request-Id") == null) {
                failures.add("no Request-Id header");
            }
            JsonNode operation = templates.stream()
                    .filter(t -> t.matches(request.getRequestURI()))
                    .map(t -> t.item.path(method))
                    .filter(JsonNode::isObject)
                    .findFirst()
                    .orElse(null);
            if (operation == null) {
                if (status < 400) {
                    failures.add("no such operation in the document");
                } else {
                    checkBody(response, "application/problem+json", problemSchema(), failures);
                }
                return failures;
            }
            JsonNode documented = operation.path("responses").path(String.valueOf(status));
            if (documented.isMissingNode()) {
                documented = operation.path("responses").path("default");
            }
            if (documented.isMissingNode()) {
                failures.add("status " + status + " is not documented");
                return failures;
            }
            if (documented.has("$ref")) {
                documented = api.path("components")
                        .path("responses")
                        .path(documented.path("$ref").asString().replace("#/components/responses/", ""));
            }
            documented.path("headers").properties().forEach(header -> {
                if (header.getValue().path("required").asBoolean(false)
                        && response.getHeader(header.getKey()) == null) {
                    failures.add("the required header " + header.getKey() + " is missing");
                }
            });
            checkContent(documented.path("content"), response, failures);
            if (status < 300) {
                checkRequest(operation, request, failures);
                if (failures.isEmpty()) {
                    EXERCISED.add(operation.path("operationId").asString());
                }
            }
            return failures;
        }

        private void checkContent(JsonNode content, MockHttpServletResponse response, List<String> failures)
                throws Exception {
            byte[] body = response.getContentAsByteArray();
            if (content.isMissingNode() || content.isEmpty()) {
                if (body.length > 0) {
                    failures.add("a body is sent but none is documented");
                }
                return;
            }
            if (content.has("*/*")) {
                failures.add("the document gives */* as the media type, not what is sent");
                return;
            }
            String sent = response.getContentType();
            if (sent == null) {
                failures.add("no Content-Type, documented: " + names(content));
                return;
            }
            MediaType type = MediaType.parseMediaType(sent);
            String key = content.propertyNames().stream()
                    .filter(k -> MediaType.parseMediaType(k).includes(type))
                    .findFirst()
                    .orElse(null);
            if (key == null) {
                failures.add("Content-Type " + sent + " is not documented: " + names(content));
                return;
            }
            checkBody(response, key, content.path(key).path("schema"), failures);
        }

        private void checkBody(
                MockHttpServletResponse response, String mediaType, JsonNode schema, List<String> failures)
                throws Exception {
            if (!mediaType.contains("json")) {
                return;
            }
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            if (!MediaType.parseMediaType(String.valueOf(response.getContentType()))
                    .getSubtype()
                    .contains("json")) {
                failures.add("Content-Type " + response.getContentType() + " where " + mediaType + " is documented");
                return;
            }
            validate(schema, JSON.readTree(body), true, "response", failures);
        }

        private void checkRequest(JsonNode operation, HttpServletRequest request, List<String> failures)
                throws Exception {
            JsonNode schema = operation
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            String type = request.getContentType();
            if (schema.isMissingNode() || type == null || !type.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
                return;
            }
            byte[] body = ((MockHttpServletRequest) request).getContentAsByteArray();
            if (body.length > 0) {
                validate(schema, JSON.readTree(body), false, "request", failures);
            }
        }

        private void validate(JsonNode schema, JsonNode instance, boolean strict, String what, List<String> failures) {
            ObjectNode root = JSON.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            JsonNode own = rewriteRefs(schema.deepCopy());
            if (strict) {
                closeObjects(own);
            }
            root.setAll((ObjectNode) own);
            root.set("$defs", strict ? strictDefinitions : laxDefinitions);
            Schema validator = compiled.computeIfAbsent(
                    (strict ? "strict:" : "lax:") + schema, ignored -> registry.getSchema(root));
            for (Error error :
                    validator.validate(instance, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
                // Of a request only what the document demands: the server is lenient in what it reads
                // (a number for an amount string, an explicit null for an absent field).
                if (strict || "required".equals(error.getKeyword())) {
                    failures.add(what + " " + error.getInstanceLocation() + ": " + error.getMessage());
                }
            }
        }

        private JsonNode problemSchema() {
            return JSON.createObjectNode().put("$ref", "#/components/schemas/Problem");
        }

        private static String names(JsonNode content) {
            return String.join(", ", content.propertyNames());
        }

        /** components.schemas as $defs; strict: an object with properties admits no others. */
        private static ObjectNode definitions(JsonNode api, boolean strict) {
            ObjectNode definitions = JSON.createObjectNode();
            api.path("components").path("schemas").properties().forEach(e -> {
                JsonNode schema = rewriteRefs(e.getValue().deepCopy());
                if (strict) {
                    closeObjects(schema);
                }
                definitions.set(e.getKey(), schema);
            });
            return definitions;
        }

        private static void closeObjects(JsonNode node) {
            if (node instanceof ObjectNode object) {
                if (object.has("properties") && !object.has("additionalProperties")) {
                    object.put("additionalProperties", false);
                }
                object.values().forEach(Document::closeObjects);
            } else if (node.isArray()) {
                node.values().forEach(Document::closeObjects);
            }
        }

        private static JsonNode rewriteRefs(JsonNode node) {
            if (node instanceof ObjectNode object) {
                JsonNode ref = object.get("$ref");
                if (ref != null && ref.isString()) {
                    object.put("$ref", ref.asString().replace("#/components/schemas/", "#/$defs/"));
                }
                object.values().forEach(Document::rewriteRefs);
            } else if (node.isArray()) {
                node.values().forEach(Document::rewriteRefs);
            }
            return node;
        }
    }

    private record Template(String path, Pattern pattern, int variables, JsonNode item) {
        static Template of(String path, JsonNode item) {
            String regex = Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            return new Template(path, Pattern.compile(regex), path.split("\\{").length - 1, item);
        }

        boolean matches(String uri) {
            return pattern.matcher(uri).matches();
        }
    }
}
