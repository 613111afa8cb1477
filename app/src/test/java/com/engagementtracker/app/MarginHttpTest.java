package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.money;
import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.app.Api.Response;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Margin per engagement and per organisation over the HTTP API on PostgreSQL, with literal figures. Today is
 * 2026-06-15; the engagement (3000.00 a month, 20 % of the gain) started on Monday 5 January.
 */
class MarginHttpTest extends PostgresHttpTest {

    @Test
    void revenueLessWhatThePeopleCostPerMonthEngagementAndOrganisation() {
        Api api = api();
        LifecycleScenario scenario = new LifecycleScenario(api);
        String id = scenario.openAndStart();
        String base = "/api/engagements/" + id;
        String partner = "Porto University " + id.substring(0, 8);
        String supplier = "Supplier Co " + id.substring(0, 8);
        assertThat(api.post(base + "/assignments", assignment("ana-" + id.substring(0, 8), "PARTNER", partner, "50", "120.00"))
                .status()).isEqualTo(201);
        assertThat(api.post(base + "/assignments", assignment("ben-" + id.substring(0, 8), "SUPPLIER", supplier, "100", "200.00"))
                .status()).isEqualTo(201);
        assertThat(api.post(base + "/assignments/ben-" + id.substring(0, 8) + "/release", "{\"on\": \"2026-01-16\"}").status())
                .isEqualTo(204);
        assertThat(api.post(base + "/metrics/stockouts/recordings", recording("12", "2026-01-31")).status()).isEqualTo(201);
        String statement = api.post(base + "/settlements", period("2026-01-01", "2026-01-31")).json().get("id").asString();
        assertThat(api.post(base + "/settlements/" + statement + "/confirmation", "").status()).isEqualTo(204);
        scenario.awaitProjections();

        Response margin = api.get(base + "/margin");
        assertThat(margin.status()).as(margin.body()).isEqualTo(200);
        JsonNode january = margin.json().get("months").get(0);
        // revenue: 27 of 31 days of 3000.00 = 2612.90, and January's confirmed 1400.00 (28 x 250.00 x 20 %)
        assertThat(january.get("month").asString()).isEqualTo("2026-01");
        assertThat(money(january.get("subscription"))).isEqualTo("2612.90 EUR");
        assertThat(money(january.get("gainShare"))).isEqualTo("1400.00 EUR");
        assertThat(money(january.get("revenue"))).isEqualTo("4012.90 EUR");
        // cost: 20 working days x 50 % x 120.00 = 1200.00 for the partner; 10 days x 200.00 = 2000.00 for the supplier's own
        assertThat(money(january.get("cost"))).isEqualTo("3200.00 EUR");
        assertThat(january.get("costs")).hasSize(2);
        assertThat(january.get("costs").get(0).get("organisationKind").asString()).isEqualTo("SUPPLIER");
        assertThat(january.get("costs").get(0).get("personDays").asString()).isEqualTo("10");
        assertThat(money(january.get("costs").get(1).get("cost"))).isEqualTo("1200.00 EUR");
        assertThat(money(january.get("margin"))).isEqualTo("812.90 EUR");
        assertThat(january.get("marginPercent").asString()).isEqualTo("20.26");
        JsonNode february = margin.json().get("months").get(1);
        assertThat(money(february.get("revenue"))).isEqualTo("3000.00 EUR");
        assertThat(money(february.get("cost"))).isEqualTo("1200.00 EUR");
        assertThat(money(february.get("margin"))).isEqualTo("1800.00 EUR");
        assertThat(february.get("marginPercent").asString()).isEqualTo("60.00");
        assertThat(margin.json().get("months")).as("January to June, the month begun").hasSize(6);

        Response month = api.as("finance").get("/api/billing/margin?month=2026-01");
        assertThat(month.status()).as(month.body()).isEqualTo(200);
        JsonNode line = find(month.json().get("engagements"), "engagementId", id);
        assertThat(money(line.get("revenue"))).isEqualTo("4012.90 EUR");
        assertThat(money(line.get("margin"))).isEqualTo("812.90 EUR");
        // each organisation gets the engagement's revenue by its share of the person-days: 10 of 20 = 2006.45
        JsonNode porto = find(month.json().get("organisations"), "organisationName", partner);
        assertThat(porto.get("organisationKind").asString()).isEqualTo("PARTNER");
        assertThat(money(porto.get("cost"))).isEqualTo("1200.00 EUR");
        assertThat(money(porto.get("attributedRevenue"))).isEqualTo("2006.45 EUR");
        assertThat(money(porto.get("margin"))).isEqualTo("806.45 EUR");
        assertThat(money(find(month.json().get("organisations"), "organisationName", supplier).get("margin"))).isEqualTo("6.45 EUR");

        assertThat(api.as("customer-acme").get(base + "/margin").status()).as("customers never see cost or margin").isEqualTo(403);
        assertThat(api.as("finance").get("/api/billing/margin").status()).as("a month is required").isEqualTo(400);
    }

    static String assignment(String personId, String kind, String organisation, String percent, String dayRate) {
        return """
                {"personId": "%s", "displayName": "%s", "organisationKind": "%s", "organisationName": "%s",
                 "role": "analyst", "allocationPercent": "%s", "from": "2026-01-05", "to": "2026-06-30",
                 "dayRate": {"amount": "%s", "currency": "EUR"}}""".formatted(personId, personId, kind, organisation, percent, dayRate);
    }

    private static JsonNode find(JsonNode lines, String field, String value) {
        return StreamSupport.stream(lines.spliterator(), false).filter(line -> value.equals(line.path(field).asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no line with " + field + " " + value + " in " + lines));
    }
}
