package com.engagementtracker.app;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: what the API is, how to sign in (HTTP Basic with the demo
 * users of the embedded default, or a bearer JWT from the identity provider), and, for every operation,
 * the problem+json answers it can give besides its success.
 */
@Configuration
class ApiDocumentation {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI engagementTrackerApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("Engagement tracker API")
                        .version(properties == null ? "development" : properties.getVersion())
                        .description("""
                                An event-sourced tracker for B2B workforce-ecosystem engagements: a supplier's people and \
                                its partners' work beside a customer's workforce; a baseline is captured, metrics are \
                                recorded, and the supplier is paid by subscription, by a share of the measured gain, or \
                                both. Account teams log engagements, finance reconciles, customers follow their own. \
                                Money is {"amount": "1234.50", "currency": "EUR"}, dates are YYYY-MM-DD, and every \
                                error is application/problem+json.""")
                        .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
                .servers(List.of(new Server().url("/").description("the server that serves this document")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The demo users of the embedded default; each password is the user's name"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("A token from the organisation's identity provider")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Every operation's error answers, from what the API does for every request of its kind; and their schema. */
    @Bean
    OpenApiCustomizer errorResponses() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problem());
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> errors(path, method, operation)));
        };
    }

    private static void errors(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean body = operation.getRequestBody() != null;
        boolean command = method != PathItem.HttpMethod.GET;
        boolean onEngagement = path.startsWith("/api/engagements/{id}");
        if (body || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            errors.put("400", "Malformed or invalid input; `errors` names each field at fault");
        }
        errors.put("401", "No or bad credentials");
        errors.put("403", "The caller's role may not do this");
        if (path.contains("{")) {
            errors.put("404", "No such resource, or one the caller may not see");
        }
        if (command && onEngagement) {
            errors.put("409", "The engagement's current state forbids this; `code` names the rule");
            errors.put("412", "The engagement has moved on since the version named in If-Match");
        }
        if (body) {
            errors.put("413", "The request body is larger than 1 MiB");
        }
        if (method == PathItem.HttpMethod.POST) {
            errors.put("422", "The Idempotency-Key was used before for a different request");
        }
        errors.forEach((status, description) -> responses(operation).addApiResponse(status, new ApiResponse()
                .description(description).content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    private static Schema<?> problem() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("the rule, stable and machine-readable"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
    }
}
