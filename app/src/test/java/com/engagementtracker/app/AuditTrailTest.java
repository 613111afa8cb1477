package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every fact records who caused it, with their role and the request's correlation id, and the engagement's
 * history shows them in order to the account team, finance and the engagement's own customer.
 */
class AuditTrailTest extends H2HttpTest {

    @Test
    void theHistoryShowsEveryFactInOrderWithWhoCausedIt() throws Exception {
        Api api = api();
        HttpResponse<String> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/engagements"))
                .header("Authorization", Api.basic("account-team")).header("Content-Type", "application/json")
                .header("X-Correlation-Id", "onboarding-42")
                .POST(HttpRequest.BodyPublishers.ofString(LifecycleScenario.OPEN.replace("acme-", "acme"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.headers().firstValue("X-Correlation-Id")).contains("onboarding-42");
        String id = Api.JSON.readTree(opened.body()).get("id").asString();
        String base = "/api/engagements/" + id;
        api.put(base + "/terms", LifecycleScenario.HYBRID_TERMS);
        api.post(base + "/baseline", LifecycleScenario.BASELINE);
        api.post(base + "/start", "{\"on\": \"2026-01-05\"}");
        api.post(base + "/metrics/stockouts/recordings", recording("12", "2026-01-31"));
        String statement = api.post(base + "/settlements", period("2026-01-01", "2026-01-31")).json().get("id").asString();
        new LifecycleScenario(api).awaitSummary(id, "ACTIVE");
        assertThat(api.as("customer-acme").post(base + "/settlements/" + statement + "/confirmation", "").status()).isEqualTo(204);
        assertThat(api.post(base + "/payments", """
                {"amount": {"amount": "4400.00", "currency": "EUR"}, "reference": "INV-2026-001", "receivedOn": "2026-02-10"}""")
                .status()).isEqualTo(201);

        JsonNode history = api.get(base + "/history").json();

        List<String> lines = new ArrayList<>();
        for (JsonNode entry : history) {
            lines.add(entry.get("sequence").asLong() + " " + entry.get("type").asString() + " by "
                    + entry.get("actor").asString() + " (" + entry.get("role").asString() + "): " + entry.get("summary").asString());
        }
        assertThat(lines).containsExactly(
                "0 EngagementOpened by account-team (ACCOUNT_TEAM): opened for ACME Logistics: Inventory control, planned 2026-01-01 to 2026-12-31, in EUR",
                "1 TermsAgreed by account-team (ACCOUNT_TEAM): terms agreed: HYBRID, 3000.00 EUR a month, 20 % of the measured gain, settled monthly, disputes within 14 days",
                "2 BaselineCaptured by account-team (ACCOUNT_TEAM): baseline captured: stockouts 40 count, on-time 80 %",
                "3 EngagementStarted by account-team (ACCOUNT_TEAM): work started on 2026-01-05",
                "4 MetricRecorded by account-team (ACCOUNT_TEAM): stockouts recorded 12 count for 2026-01-31",
                "5 GainShared by account-team (ACCOUNT_TEAM): gain shared for 2026-01-01 to 2026-01-31: supplier 1400.00 EUR, customer 5600.00 EUR",
                "6 GainShareConfirmed by customer-acme (CUSTOMER): statement " + statement + " confirmed",
                "7 PaymentRecorded by finance (FINANCE): payment of 4400.00 EUR received on 2026-02-10, reference INV-2026-001");
        assertThat(history.get(0).get("correlationId").asString()).isEqualTo("onboarding-42");
        assertThat(history.get(1).get("correlationId").asString()).isNotEqualTo("onboarding-42").isNotBlank();
        assertThat(history.get(0).get("occurredAt").asString()).startsWith("20");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and utf8tostring(meta_data) like '%\"actor\":\"finance\"%'", Long.class, id)).isEqualTo(1);

        assertThat(api.as("customer-acme").get(base + "/history").status()).isEqualTo(200);
        assertThat(api.as("finance").get(base + "/history").status()).isEqualTo(200);
        assertThat(api.as("customer-globex").get(base + "/history").status()).isEqualTo(404);
        assertThat(api.get("/api/engagements/no-such-engagement/history").status()).isEqualTo(404);
    }
}
