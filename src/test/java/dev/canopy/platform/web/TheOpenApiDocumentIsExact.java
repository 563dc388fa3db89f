package dev.canopy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.canopy.testing.CanopyTest;
import dev.canopy.testing.OpenApiContract;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document is one a generator can make a usable SDK from: operation ids are names, unique and clear of the
 * schema names; each Java type has its own schema; errors, media types, 201s and the server are what the
 * server really does. That each response matches its schema is held by {@link OpenApiContract} on every test.
 */
@CanopyTest
class TheOpenApiDocumentIsExact {

    @Autowired
    MockMvc mvc;

    @Autowired
    OpenApiContract contract;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    /** The document as served, for CI's linters (Redocly, Spectral) and the SDK generators: target/openapi. */
    @Test
    void theDocumentIsWrittenWhereTheLintersAndGeneratorsReadIt() throws Exception {
        Path written = Path.of("target", "openapi", "openapi.json");
        Files.createDirectories(written.getParent());
        Files.writeString(
                written,
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(contract.openApi()));
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(written.toFile())
                        .path("openapi")
                        .asString())
                .startsWith("3.1");
    }

    /**
     * The SDKs are generated from docs/api/openapi.json by the build, so it must be the document the server
     * serves: a change to the API changes this file in the same commit, for review.
     */
    @Test
    void theCommittedDocumentIsTheServedOne() throws Exception {
        JsonNode committed = JsonMapper.builder()
                .build()
                .readTree(Path.of("docs", "api", "openapi.json").toFile());
        assertThat(firstDifference(contract.openApi(), committed, ""))
                .as("docs/api/openapi.json is not what the server serves: copy target/openapi/openapi.json over it")
                .isEmpty();
    }

    @Test
    void operationIdsAreUniqueNamesThatCollideWithNoSchema() throws Exception {
        JsonNode api = contract.openApi();
        Set<String> schemas =
                new HashSet<>(api.path("components").path("schemas").propertyNames());
        List<String> ids = new ArrayList<>();
        operations(api)
                .forEach((where, operation) ->
                        ids.add(operation.path("operationId").asString("")));
        assertThat(ids).hasSizeGreaterThan(70).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]+"));
        for (String id : ids) {
            String type = Character.toUpperCase(id.charAt(0)) + id.substring(1);
            assertThat(schemas).as(id).doesNotContain(type, type + "Request");
        }
    }

    @Test
    void everyJavaTypeOfTheApiHasASchemaOfItsOwn() throws Exception {
        Set<Class<?>> types = new HashSet<>();
        handlers.getHandlerMethods().forEach((mapping, method) -> {
            if (mapping.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/v1/"))) {
                apiTypes(method).forEach(type -> collect(type, types));
            }
        });
        Map<String, List<String>> byName = types.stream()
                .collect(Collectors.groupingBy(
                        TheOpenApiDocumentIsExact::schemaName,
                        TreeMap::new,
                        Collectors.mapping(Class::getName, Collectors.toList())));
        assertThat(byName)
                .allSatisfy((name, classes) -> assertThat(classes)
                        .as("two types would share the schema %s", name)
                        .hasSize(1));
        Set<String> schemas = new HashSet<>(
                contract.openApi().path("components").path("schemas").propertyNames());
        assertThat(schemas)
                .containsAll(types.stream()
                        .filter(Class::isRecord)
                        .map(TheOpenApiDocumentIsExact::schemaName)
                        .toList());
    }

    @Test
    void errorsAreProblemsAndMediaTypesAreWhatIsSent() throws Exception {
        JsonNode api = contract.openApi();
        assertThat(api.path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("required")
                        .toString())
                .contains("type", "title", "status", "detail");
        operations(api).forEach((where, operation) -> {
            JsonNode responses = resolved(api, operation.path("responses"));
            assertThat(responses.path("default").path("content").has("application/problem+json"))
                    .as(where)
                    .isTrue();
            assertThat(responses.path("401").path("content").has("application/problem+json"))
                    .as(where)
                    .isTrue();
            responses.properties().forEach(response -> {
                assertThat(response.getValue().path("content").has("*/*"))
                        .as(where + " " + response.getKey())
                        .isFalse();
                assertThat(response.getValue().path("headers").has("Request-Id"))
                        .as(where + " " + response.getKey())
                        .isTrue();
            });
        });
        assertThat(api.path("paths")
                        .path("/api/v1/payout-runs/{id}/files/{format}/{currency}")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .propertyNames())
                .containsExactly("text/csv");
    }

    @Test
    void everyCollectionIsAPageWithALimitAndACursor() throws Exception {
        JsonNode api = contract.openApi();
        List<String> lists = new ArrayList<>();
        operations(api).forEach((where, operation) -> {
            JsonNode schema = operation
                    .path("responses")
                    .path("200")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            assertThat(schema.path("type").asString())
                    .as(where + " answers a bare array")
                    .isNotEqualTo("array");
            JsonNode page = schema.has("$ref")
                    ? api.path("components")
                            .path("schemas")
                            .path(schema.path("$ref").asString().replace("#/components/schemas/", ""))
                    : schema;
            if (page.path("properties").path("data").path("type").asString().equals("array")) {
                lists.add(where);
                assertThat(page.path("properties").has("nextCursor")).as(where).isTrue();
                List<String> parameters = new ArrayList<>();
                operation
                        .path("parameters")
                        .values()
                        .forEach(p -> parameters.add(p.path("name").asString()));
                assertThat(parameters).as(where).contains("limit", "cursor");
            }
        });
        assertThat(lists).hasSizeGreaterThanOrEqualTo(20);
    }

    /** A status, role, stage or outcome lists its values; an open vocabulary (a kind, a format) says so. */
    @Test
    void closedVocabulariesAreEnumsAndOpenOnesSaySo() throws Exception {
        Set<String> closed = Set.of("status", "outcome", "role", "stage", "level", "sourcing", "signal");
        eachProperty((where, name, value) -> {
            if (!value.path("type").asString().equals("string")) {
                return;
            }
            if (closed.contains(name)) {
                assertThat(value.has("enum")).as(where).isTrue();
            } else if (Set.of("kind", "format").contains(name) && !value.has("enum")) {
                assertThat(value.path("description").asString()).as(where).contains("may come");
            }
        });
    }

    /** Times and days say so, so that generated clients parse them; rates are decimal strings like amounts. */
    @Test
    void timesDaysAndRatesHaveOneForm() throws Exception {
        eachProperty((where, name, value) -> {
            if (name.endsWith("At")) {
                assertThat(value.path("format").asString()).as(where).isEqualTo("date-time");
            }
            if (name.endsWith("On")) {
                assertThat(value.path("format").asString()).as(where).isEqualTo("date");
            }
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith("rate") || name.matches("rate(Min|Max)")) {
                assertThat(value.path("type").asString()).as(where).isEqualTo("string");
            }
            if (name.endsWith("Days") && !value.path("type").isMissingNode()) {
                assertThat(value.path("type").toString()).as(where).containsAnyOf("integer", "number");
            }
        });
    }

    @Test
    void everyCursorIsAnOpaqueString() throws Exception {
        JsonNode api = contract.openApi();
        List<String> cursors = new ArrayList<>();
        operations(api)
                .forEach((where, operation) -> operation
                        .path("parameters")
                        .values()
                        .forEach(p -> {
                            if (p.path("name").asString().equals("cursor")) {
                                cursors.add(where);
                                assertThat(p.path("schema").path("type").asString())
                                        .as(where)
                                        .isEqualTo("string");
                                assertThat(p.path("schema").has("format"))
                                        .as(where)
                                        .isFalse();
                            }
                        }));
        assertThat(cursors).hasSizeGreaterThanOrEqualTo(7);
        api.path("components").path("schemas").properties().forEach(schema -> {
            JsonNode next = schema.getValue().path("properties").path("nextCursor");
            if (!next.isMissingNode()) {
                assertThat(next.path("type").asString()).as(schema.getKey()).isEqualTo("string");
                assertThat(next.has("format")).as(schema.getKey()).isFalse();
            }
        });
    }

    @Test
    void everyLimitSaysItsDefaultAndBounds() throws Exception {
        List<String> limited = new ArrayList<>();
        operations(contract.openApi())
                .forEach((where, operation) -> operation
                        .path("parameters")
                        .values()
                        .forEach(p -> {
                            if (p.path("name").asString().equals("limit")) {
                                limited.add(where);
                                assertThat(p.path("schema").path("minimum").asInt())
                                        .as(where)
                                        .isEqualTo(1);
                                assertThat(p.path("schema").path("maximum").asInt())
                                        .as(where)
                                        .isGreaterThanOrEqualTo(200);
                                assertThat(p.path("schema").path("default").asInt())
                                        .as(where)
                                        .isEqualTo(50);
                            }
                        }));
        assertThat(limited).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void whatAPostCreatesIsA201WithItsLocation() throws Exception {
        JsonNode api = contract.openApi();
        for (String create : List.of(
                "/api/v1/partners",
                "/api/v1/links",
                "/api/v1/programs",
                "/api/v1/leads",
                "/api/v1/invitations",
                "/api/v1/payout-runs",
                "/api/v1/commissions/bounties")) {
            JsonNode created = api.path("paths")
                    .path(create)
                    .path("post")
                    .path("responses")
                    .path("201");
            assertThat(created.path("headers").path("Location").path("required").asBoolean())
                    .as(create)
                    .isTrue();
            assertThat(api.path("paths")
                            .path(create)
                            .path("post")
                            .path("responses")
                            .has("200"))
                    .as(create)
                    .isFalse();
        }
    }

    @Test
    void theServerIsTheConfiguredAddressNotTheRequestsHost() throws Exception {
        String body = mvc.perform(get("/api/v1/openapi.json").header("Host", "attacker.example"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode api = JsonMapper.builder().build().readTree(body);
        assertThat(api.path("servers").toString()).doesNotContain("attacker.example");
        assertThat(api.path("servers").get(0).path("url").asString()).startsWith("http://localhost");
        assertThat(api.path("info").path("license").path("identifier").asString())
                .isEqualTo("Apache-2.0");
    }

    /** Where two documents first differ, as a JSON pointer; empty when they are equal. */
    private static Optional<String> firstDifference(JsonNode served, JsonNode committed, String at) {
        if (served.isObject() && committed.isObject()) {
            Set<String> names = new java.util.TreeSet<>(served.propertyNames());
            names.addAll(committed.propertyNames());
            return names.stream()
                    .map(name -> firstDifference(served.path(name), committed.path(name), at + "/" + name))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        if (served.isArray() && committed.isArray() && served.size() == committed.size()) {
            for (int i = 0; i < served.size(); i++) {
                Optional<String> found = firstDifference(served.get(i), committed.get(i), at + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return served.equals(committed)
                ? Optional.empty()
                : Optional.of(at + ": served " + served + ", committed " + committed);
    }

    interface PropertyCheck {
        void check(String where, String name, JsonNode value);
    }

    /** Each property of each schema, named Schema.property. */
    private void eachProperty(PropertyCheck check) throws Exception {
        contract.openApi()
                .path("components")
                .path("schemas")
                .properties()
                .forEach(schema -> schema.getValue()
                        .path("properties")
                        .properties()
                        .forEach(p -> check.check(schema.getKey() + "." + p.getKey(), p.getKey(), p.getValue())));
    }

    /** The operation's responses with references to shared ones replaced by what they refer to. */
    private static JsonNode resolved(JsonNode api, JsonNode responses) {
        ObjectNode copy = (ObjectNode) responses.deepCopy();
        copy.properties().forEach(response -> {
            if (response.getValue().has("$ref")) {
                String name = response.getValue().path("$ref").asString().replace("#/components/responses/", "");
                copy.set(
                        response.getKey(),
                        api.path("components").path("responses").path(name));
            }
        });
        return copy;
    }

    private static Map<String, JsonNode> operations(JsonNode api) {
        Map<String, JsonNode> operations = new TreeMap<>();
        api.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> operations.put(method.getKey() + " " + path.getKey(), method.getValue())));
        return operations;
    }

    private static List<Type> apiTypes(HandlerMethod method) {
        List<Type> types = new ArrayList<>();
        Method java = method.getMethod();
        types.add(java.getGenericReturnType());
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                types.add(parameter.getGenericParameterType());
            }
        }
        return types;
    }

    /** A type's schema name: its simple name, unless it names itself (a nested record called Totals, say). */
    private static String schemaName(Class<?> type) {
        io.swagger.v3.oas.annotations.media.Schema named =
                type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return named == null || named.name().isEmpty() ? type.getSimpleName() : named.name();
    }

    /** A typed id such as PartnerId is written as its UUID string: a string in the document, not a schema. */
    private static boolean writtenAsItsValue(Class<?> raw) {
        return raw.isRecord()
                && Arrays.stream(raw.getRecordComponents())
                        .anyMatch(c -> c.getAccessor().isAnnotationPresent(JsonValue.class));
    }

    /** The records and enums a type reaches: its own, its type arguments', its components'. */
    private static void collect(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), found);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, found);
            }
        } else if (type instanceof GenericArrayType array) {
            collect(array.getGenericComponentType(), found);
        } else if (type instanceof Class<?> raw) {
            if (raw.isArray()) {
                collect(raw.getComponentType(), found);
            } else if ((raw.isRecord() || raw.isEnum())
                    && raw.getName().startsWith("dev.canopy")
                    && !writtenAsItsValue(raw)
                    && found.add(raw)) {
                if (raw.isRecord()) {
                    for (RecordComponent component : raw.getRecordComponents()) {
                        collect(component.getGenericType(), found);
                    }
                }
            }
        }
    }
}
