package dev.canopy.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /api/v1/openapi.json: bearer API keys, and Idempotency-Key on every POST. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI canopyOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Canopy API")
                        .version("v1")
                        .description("Errors are RFC 9457 problem details; bad input names each field in `errors`.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key created in the console under API keys")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    @Bean
    OpenApiCustomizer idempotencyKeyHeader() {
        return api -> api.getPaths().values().forEach(path -> {
            if (path.getPost() != null) {
                path.getPost()
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
}
