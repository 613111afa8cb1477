package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

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
                "/api/people/{personId}/allocations");
        assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
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
