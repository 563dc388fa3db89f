package dev.canopy.platform.web;

import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.ProblemType;
import dev.canopy.shared.Money;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ServerBaseUrlCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at /api/v1/openapi.json, made to describe exactly what the server sends (ADR 21): bearer
 * API keys, Idempotency-Key on every POST, the problem shape on every error, 201 with Location for what a POST
 * creates, record components required unless {@code @Nullable}, and this Canopy's own address as the server.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String MONEY = "Money";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    static {
        // A currency is written as its ISO 4217 code, not as the object Currency's getters describe
        SpringDocUtils.getConfig().replaceWithSchema(Currency.class, new StringSchema().pattern("^[A-Z]{3}$"));
        // Money as JsonMoney writes it, one schema that every amount refers to
        SpringDocUtils.getConfig().replaceWithSchema(Money.class, new Schema<>().$ref("#/components/schemas/" + MONEY));
        // Free JSON (the audit log's before and after) is any object, not JsonNode's getters
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    @Bean
    OpenAPI canopyOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Canopy API")
                        .version("v1")
                        .description("Errors are RFC 9457 problem details (`application/problem+json`) whose `type`"
                                + " names the kind of error; bad input names each field in `errors`. Every response"
                                + " carries a `Request-Id`, also the problem's `instance`.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key created in the console under API keys")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    /** The configured public address, never the request's Host header (which a client controls). */
    @Bean
    ServerBaseUrlCustomizer configuredServer(BaseUrl baseUrl) {
        return (ignoredFromRequest, request) -> baseUrl.link("");
    }

    @Bean
    OpenApiCustomizer idempotencyKeyHeader() {
        return api -> operations(api).forEach(entry -> {
            if (entry.method() == PathItem.HttpMethod.POST) {
                entry.operation()
                        .addParametersItem(new HeaderParameter()
                                .name(IdempotencyFilter.HEADER)
                                .required(false)
                                .description(
                                        "Repeating a request with the same key and body replays the first response; "
                                                + "the same key with another body is a 422, a concurrent duplicate a 409.")
                                .schema(new StringSchema().maxLength(255)));
            }
        });
    }

    /**
     * Every operation: its errors as problems (shared responses), a {@code Request-Id} and the rate-limit fields
     * on each answer, a {@code Location} on each 201, and the Problem and Money schemas.
     */
    @Bean
    OpenApiCustomizer problemsAndHeaders() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getComponents()
                    .addSchemas(
                            MONEY,
                            new ObjectSchema()
                                    .description("An exact amount: a decimal string at the currency's decimals")
                                    .addProperty("amount", new StringSchema().pattern("^-?[0-9]+(\\.[0-9]+)?$"))
                                    .addProperty("currency", new StringSchema().pattern("^[A-Z]{3}$"))
                                    .required(List.of("amount", "currency")));
            // One shared response per error status, referenced by every operation
            for (ProblemType type : ProblemType.values()) {
                api.getComponents()
                        .addResponses(
                                responseName(type.status()),
                                problemResponse(type.status().getReasonPhrase()));
            }
            api.getComponents().addResponses("Error", problemResponse("Any other error"));
            api.getComponents()
                    .getResponses()
                    .get(responseName(HttpStatus.TOO_MANY_REQUESTS))
                    .addHeaderObject(
                            "Retry-After",
                            new Header()
                                    .required(true)
                                    .description("Seconds until the key's next minute")
                                    .schema(new IntegerSchema()));
            operations(api).forEach(OpenApiConfiguration::addProblemsAndHeaders);
            // A status no operation can answer (406 and 500 are every operation's default) is not listed
            Set<String> used = operations(api).stream()
                    .flatMap(entry -> entry.operation().getResponses().values().stream())
                    .map(ApiResponse::get$ref)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            api.getComponents()
                    .getResponses()
                    .keySet()
                    .removeIf(name -> !used.contains("#/components/responses/" + name));
            // springdoc's own reading of ProblemDetail, replaced by the documented Problem
            api.getComponents().getSchemas().remove("ProblemDetail");
        };
    }

    private static void addProblemsAndHeaders(Entry entry) {
        ApiResponses responses = entry.operation().getResponses();
        responses.replaceAll((status, response) -> status.startsWith("4") || status.startsWith("5")
                ? reference(ProblemType.forStatus(Integer.parseInt(status))
                        .map(type -> responseName(type.status()))
                        .orElse("Error"))
                : response);
        responses.forEach((status, response) -> {
            if (response.get$ref() != null) {
                return;
            }
            response.addHeaderObject(RequestIdFilter.RESPONSE_HEADER, requestIdHeader());
            response.addHeaderObject(
                    "RateLimit",
                    new Header()
                            .description("For an API key: the requests left this minute (r) and the seconds until"
                                    + " the next (t), as in \"per-key\";r=598;t=42")
                            .schema(new StringSchema()));
            response.addHeaderObject(
                    "RateLimit-Policy",
                    new Header()
                            .description("For an API key: its requests a minute, as in \"per-key\";q=600;w=60")
                            .schema(new StringSchema()));
            // An event has no address of its own: what it made is read from its outcome's ids
            if ("201".equals(status) && !entry.path().startsWith("/api/v1/events/")) {
                response.addHeaderObject(
                        "Location",
                        new Header()
                                .required(true)
                                .description("Where the created resource is read")
                                .schema(new StringSchema().format("uri-reference")));
            }
        });
        for (ProblemType type : ProblemType.values()) {
            String status = String.valueOf(type.status().value());
            if (!responses.containsKey(status) && applies(type, entry.method())) {
                responses.addApiResponse(status, reference(responseName(type.status())));
            }
        }
        responses.setDefault(reference("Error"));
    }

    /** {@code BadRequest}, {@code NotFound}…: the status's reason phrase as a name. */
    private static String responseName(HttpStatus status) {
        return Arrays.stream(status.getReasonPhrase().split("[^A-Za-z]+"))
                .map(word -> word.isEmpty()
                        ? word
                        : Character.toUpperCase(word.charAt(0))
                                + word.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }

    private static ApiResponse reference(String name) {
        return new ApiResponse().$ref("#/components/responses/" + name);
    }

    /** Body-related errors only where there is a body; the container's 500 on every operation is {@code default}. */
    private static boolean applies(ProblemType type, PathItem.HttpMethod method) {
        boolean writes = method == PathItem.HttpMethod.POST
                || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH;
        return switch (type) {
            case MALFORMED_BODY, CONTENT_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> writes;
            case INVALID_IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_REUSED, REQUEST_IN_PROGRESS ->
                method == PathItem.HttpMethod.POST;
            case INTERNAL, NOT_ACCEPTABLE -> false;
            default -> true;
        };
    }

    /**
     * A record's components are required in the document unless declared {@code @Nullable}: Canopy leaves null
     * fields out of its JSON, so a component that can be null is one a client must not count on.
     */
    @Bean
    ModelConverter nonNullRecordComponentsAreRequired() {
        return (type, context, chain) -> {
            Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            if (schema == null || !raw.isRecord()) {
                return schema;
            }
            Schema<?> model = schema.get$ref() == null
                    ? schema
                    : context.getDefinedModels()
                            .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            if (model != null && model.getProperties() != null) {
                Arrays.stream(raw.getRecordComponents())
                        .filter(component -> !nullable(component))
                        .map(RecordComponent::getName)
                        .filter(model.getProperties()::containsKey)
                        .filter(name -> model.getRequired() == null
                                || !model.getRequired().contains(name))
                        .forEach(model::addRequiredItem);
            }
            return schema;
        };
    }

    private static boolean nullable(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .example(ProblemType.INVALID_INPUT.uri().toString())
                                .description("The kind of error, stable; new kinds may be added: "
                                        + Arrays.stream(ProblemType.values())
                                                .map(t -> t.uri().toString())
                                                .toList()))
                .addProperty(
                        "title",
                        new StringSchema()
                                .example(ProblemType.INVALID_INPUT.title())
                                .description("The kind's title, the same every time"))
                .addProperty("status", new IntegerSchema().format("int32").example(400))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .example("email: Enter an email address like name@example.com")
                                .description("What went wrong this time, for people"))
                .addProperty(
                        "instance",
                        new StringSchema()
                                .format("uri-reference")
                                .example("req_7m2k9q4x8c1v5b3n6z0w")
                                .description("This request's Request-Id"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .description("For invalid input: each field at fault and why")
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema().example("email"))
                                        .addProperty(
                                                "message",
                                                new StringSchema()
                                                        .example("Enter an email address like name@example.com"))
                                        .required(List.of("field", "message"))))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse()
                .description(description)
                .content(problemContent())
                .addHeaderObject(RequestIdFilter.RESPONSE_HEADER, requestIdHeader());
    }

    private static Header requestIdHeader() {
        return new Header()
                .required(true)
                .description("This request's id: the caller's X-Request-Id if usable, else a new req_…")
                .schema(new StringSchema());
    }

    record Entry(String path, PathItem.HttpMethod method, Operation operation) {}

    static List<Entry> operations(OpenAPI api) {
        return api.getPaths().entrySet().stream()
                .flatMap(path -> path.getValue().readOperationsMap().entrySet().stream()
                        .map(e -> new Entry(path.getKey(), e.getKey(), e.getValue())))
                .toList();
    }
}
