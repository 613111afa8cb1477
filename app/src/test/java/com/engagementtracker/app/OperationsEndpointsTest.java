package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What is published beside the API: its OpenAPI description with a browsable UI, health and metrics. */
class OperationsEndpointsTest extends H2HttpTest {

    @Test
    void publishesTheWholeApiAsOpenApi() {
        JsonNode paths = api().get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames()).contains("/api/engagements", "/api/engagements/{id}/terms",
                "/api/engagements/{id}/baseline", "/api/engagements/{id}/baseline/adjustments",
                "/api/engagements/{id}/assignments", "/api/engagements/{id}/assignments/{personId}/release",
                "/api/engagements/{id}/start", "/api/engagements/{id}/metrics/{metricId}/recordings",
                "/api/engagements/{id}/metrics/{metricId}/recordings/{recordingId}/corrections",
                "/api/engagements/{id}/settlements", "/api/engagements/{id}/settlements/{statementId}/confirmation",
                "/api/engagements/{id}/settlements/{statementId}/dispute",
                "/api/engagements/{id}/settlements/{statementId}/resolution",
                "/api/engagements/{id}/subscription/fee-changes", "/api/engagements/{id}/payments",
                "/api/engagements/{id}/completion", "/api/engagements/{id}/cancellation", "/api/engagements/{id}",
                "/api/engagements/{id}/metrics/{metricId}/series", "/api/engagements/{id}/statements",
                "/api/engagements/{id}/charges", "/api/billing/reconciliation", "/api/billing/reconciliation.csv",
                "/api/people/{personId}/allocations", "/api/engagements/{id}/recordings/batch", "/api/imports/recordings");
        // the import takes the CSV export itself, and answers with its report
        JsonNode imports = paths.get("/api/imports/recordings").get("post");
        assertThat(imports.get("requestBody").get("content").propertyNames()).contains("text/csv");
        assertThat(paths.get("/api/engagements/{id}/recordings/batch").get("post").get("requestBody").get("content")
                .propertyNames()).contains("application/json");
        assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    /**
     * The document describes itself, its sign-in and every operation's errors, and Redocly's linter with its
     * recommended rules finds no error in it (it needs npx: .ci/run installs Node.js where it is missing).
     */
    @Test
    void theOpenApiDocumentIsCompleteAndLintsClean() throws Exception {
        String document = api().anonymous().get("/v3/api-docs").body();
        JsonNode api = Api.JSON.readTree(document);
        assertThat(api.get("info").get("title").asString()).isEqualTo("Engagement tracker API");
        assertThat(api.get("info").get("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(api.get("components").get("securitySchemes").propertyNames()).containsExactlyInAnyOrder("basic", "bearer");
        JsonNode payments = api.get("paths").get("/api/engagements/{id}/payments").get("post").get("responses");
        assertThat(payments.propertyNames()).contains("201", "400", "401", "403", "404", "409", "412", "413", "422");
        assertThat(payments.get("409").get("content").get("application/problem+json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/Problem");

        Path file = Path.of("target", "openapi.json");
        Files.writeString(file, document);
        assumeTrue(onPath("npx"), "npx is not installed: the lint of target/openapi.json is left to .ci/run's machine");
        Process lint = new ProcessBuilder("npx", "--yes", "@redocly/cli@2.77.0", "lint", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
        assertThat(output).as("Redocly counts its warnings as \"You have N warnings\"").doesNotContain("You have")
                .contains("Woohoo! Your API description is valid");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    @Test
    void reportsHealthAndPrometheusMetricsIncludingAxons() {
        new LifecycleScenario(api()).openAndStart();

        assertThat(api().get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        String metrics = api().get("/actuator/prometheus").body();
        assertThat(metrics).contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes")
                .contains("commandBus_allTimer_seconds_count").contains("commandBus_capacity");
    }
}
