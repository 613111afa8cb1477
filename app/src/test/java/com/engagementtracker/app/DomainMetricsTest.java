package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The business in Prometheus, in a database of its own so that every figure is exact: engagements by
 * status, recordings and settlements, and per currency the gain shared, invoiced and paid.
 */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:metrics;DB_CLOSE_DELAY=-1",
        "engagement.metrics.refresh=500ms"})
class DomainMetricsTest extends H2HttpTest {

    @Test
    void prometheusShowsWhatTheBusinessDid() {
        Api api = api();
        LifecycleScenario scenario = new LifecycleScenario(api);
        String id = scenario.openAndStart();
        String base = "/api/engagements/" + id;
        api.post(base + "/metrics/stockouts/recordings", recording("12", "2026-01-31"));
        String statement = api.post(base + "/settlements", period("2026-01-01", "2026-01-31")).json().get("id").asString();
        api.post(base + "/settlements/" + statement + "/confirmation", "");
        api.post(base + "/payments", "{\"amount\": {\"amount\": \"1000.00\", \"currency\": \"EUR\"}, \"reference\": \"advance\", "
                + "\"receivedOn\": \"2026-02-10\"}");
        scenario.awaitProjections();
        api.post("/api/billing/invoice-runs", "{\"month\": \"2026-04\"}");
        scenario.awaitProjections();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/actuator/prometheus").body())
                .contains("engagement_engagements{status=\"ACTIVE\"} 1.0")
                .contains("engagement_engagements{status=\"COMPLETED\"} 0.0")
                .contains("engagement_recordings_total 1.0")
                .contains("engagement_settlements_total 1.0")
                .contains("engagement_gain_shared{currency=\"EUR\"} 1400.0")
                // January 2612.90 + February to April 3 x 3000.00 + the statement 1400.00
                .contains("engagement_invoiced{currency=\"EUR\"} 13012.9")
                .contains("engagement_paid{currency=\"EUR\"} 1000.0"));
    }
}
