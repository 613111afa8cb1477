package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementtracker.app.Api.Response;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * One engagement from opening to completion over the HTTP API, every step's answer checked, then the
 * summary read model. Run against each database the product supports.
 */
final class LifecycleScenario {

    static final String OPEN = """
            {"customerId": "acme", "customerName": "ACME Logistics", "title": "Inventory control",
             "customerJob": {"description": "Keep stock accurate across three warehouses",
                             "importance": 5, "painSeverity": 4, "gainRelevance": 4},
             "plannedStart": "2026-01-01", "plannedEnd": "2026-12-31", "currency": "EUR", "owner": "olivia"}""";
    static final String HYBRID_TERMS = """
            {"model": "HYBRID",
             "subscription": {"monthlyFee": {"amount": "3000.00", "currency": "EUR"}},
             "gainShare": {"sharePercent": "20", "carryForwardLosses": true}}""";
    static final String BASELINE = """
            {"metrics": [
              {"metricId": "stockouts", "name": "Stock-outs", "unit": "count", "direction": "LOWER_IS_BETTER",
               "baselineValue": "40", "baselineFrom": "2025-10-01", "baselineTo": "2025-12-31", "source": "ERP",
               "aggregation": "SUM", "valuePerUnit": {"amount": "250.00", "currency": "EUR"}, "minValue": "0"},
              {"metricId": "on-time", "name": "On-time deliveries", "unit": "%", "direction": "HIGHER_IS_BETTER",
               "baselineValue": "80", "baselineFrom": "2025-10-01", "baselineTo": "2025-12-31", "source": "WMS",
               "aggregation": "AVERAGE", "valuePerUnit": {"amount": "100.00", "currency": "EUR"},
               "minValue": "0", "maxValue": "100"}]}""";

    private final Api api;
    /** keeps this run's customer and people apart from other runs on the same database */
    private final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final String customerId = "acme-" + suffix;
    private final String ana = "ana-" + suffix;
    private final String ben = "ben-" + suffix;

    LifecycleScenario(Api api) {
        this.api = api;
    }

    static String assignment(String personId, String name, String kind, String organisation, String percent) {
        return """
                {"personId": "%s", "displayName": "%s", "organisationKind": "%s", "organisationName": "%s",
                 "role": "analyst", "allocationPercent": "%s", "from": "2026-01-05", "to": "2026-06-30"}"""
                .formatted(personId, name, kind, organisation, percent);
    }

    static String recording(String value, String date) {
        return """
                {"value": "%s", "date": "%s", "source": "ERP", "recordedBy": "olivia"}""".formatted(value, date);
    }

    static String period(String start, String end) {
        return """
                {"periodStart": "%s", "periodEnd": "%s"}""".formatted(start, end);
    }

    /** Opens an engagement, agrees hybrid terms, captures the baseline and starts on 2026-01-05. */
    String openAndStart() {
        Response opened = api.post("/api/engagements", OPEN.replace("\"acme\"", "\"" + customerId + "\""));
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.id();
        assertThat(opened.location()).contains("/api/engagements/" + id);
        assertThat(api.put("/api/engagements/" + id + "/terms", HYBRID_TERMS).status()).isEqualTo(204);
        assertThat(api.post("/api/engagements/" + id + "/baseline", BASELINE).status()).isEqualTo(204);
        assertThat(api.post("/api/engagements/" + id + "/start", "{\"on\": \"2026-01-05\"}").status()).isEqualTo(204);
        return id;
    }

    String run() {
        String id = openAndStart();
        String base = "/api/engagements/" + id;

        assertThat(api.post(base + "/assignments", assignment(ana, "Ana Lima", "PARTNER", "Porto University", "50"))
                .status()).isEqualTo(201);
        assertThat(api.post(base + "/assignments", assignment(ben, "Ben Okafor", "SUPPLIER", "Supplier Co", "100"))
                .status()).isEqualTo(201);

        assertThat(api.post(base + "/metrics/stockouts/recordings", recording("12", "2026-01-31")).status()).isEqualTo(201);
        assertThat(api.post(base + "/metrics/on-time/recordings", recording("85", "2026-01-15")).status()).isEqualTo(201);
        Response wrong = api.post(base + "/metrics/on-time/recordings", recording("98", "2026-01-31"));
        assertThat(wrong.status()).isEqualTo(201);
        assertThat(api.post(base + "/metrics/on-time/recordings/" + wrong.id() + "/corrections",
                "{\"value\": \"87\", \"reason\": \"typed 98 for 87\"}").status()).isEqualTo(204);

        // January: 28 fewer stock-outs x 250.00 + (86 - 80) points x 100.00 = 7600.00; 20 % = 1520.00
        Response january = api.post(base + "/settlements", period("2026-01-01", "2026-01-31"));
        assertThat(january.status()).isEqualTo(201);
        JsonNode statement = january.json();
        assertThat(money(statement.get("grossGain"))).isEqualTo("7600.00 EUR");
        assertThat(money(statement.get("supplierShare"))).isEqualTo("1520.00 EUR");
        assertThat(money(statement.get("customerShare"))).isEqualTo("6080.00 EUR");
        assertThat(money(statement.get("carriedDeficit"))).isEqualTo("0.00 EUR");
        assertThat(statement.get("status").asString()).isEqualTo("SETTLED");
        String januaryId = statement.get("id").asString();

        assertThat(api.post(base + "/settlements/" + januaryId + "/dispute", "{\"reason\": \"warehouse 3 miscounted\"}")
                .status()).isEqualTo(204);
        assertThat(api.post(base + "/settlements/" + januaryId + "/resolution",
                "{\"supplierShare\": {\"amount\": \"1400.00\", \"currency\": \"EUR\"}, \"note\": \"agreed on a recount\"}")
                .status()).isEqualTo(204);

        // February: 48 stock-outs, 8 worse: a loss of 2000.00 carried forward, nothing shared
        assertThat(api.post(base + "/metrics/stockouts/recordings", recording("48", "2026-02-27")).status()).isEqualTo(201);
        Response february = api.post(base + "/settlements", period("2026-02-01", "2026-02-28"));
        assertThat(money(february.json().get("supplierShare"))).isEqualTo("0.00 EUR");
        assertThat(money(february.json().get("carriedDeficit"))).isEqualTo("2000.00 EUR");
        assertThat(api.post(base + "/settlements/" + february.json().get("id").asString() + "/confirmation", "")
                .status()).isEqualTo(204);

        // The same history under other terms, storing nothing: 30 % above a hurdle of 1000.00, at most 1500.00 a period.
        // January: 30 % of (7600.00 - 1000.00) = 1980.00, capped at 1500.00; February's loss of 2000.00 is carried as before.
        Response simulation = api.post(base + "/simulations", """
                {"gainShare": {"sharePercent": "30", "hurdle": {"amount": "1000.00", "currency": "EUR"},
                               "periodCap": {"amount": "1500.00", "currency": "EUR"}}}""");
        assertThat(simulation.status()).as(simulation.body()).isEqualTo(200);
        JsonNode periods = simulation.json().get("periods");
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).get("periodStart").asString()).isEqualTo("2026-01-01");
        assertThat(money(periods.get(0).get("simulated").get("shareableGain"))).isEqualTo("6600.00 EUR");
        assertThat(money(periods.get(0).get("simulated").get("supplierShare"))).isEqualTo("1500.00 EUR");
        assertThat(periods.get(0).get("simulated").get("capApplied").asString()).isEqualTo("PERIOD_CAP");
        assertThat(periods.get(0).get("actual").get("status").asString()).isEqualTo("RESOLVED");
        assertThat(money(periods.get(0).get("actual").get("settled").get("supplierShare"))).isEqualTo("1520.00 EUR");
        assertThat(money(periods.get(0).get("actual").get("agreedSupplierShare"))).isEqualTo("1400.00 EUR");
        assertThat(money(periods.get(1).get("simulated").get("deficitCarriedOut"))).isEqualTo("2000.00 EUR");
        assertThat(money(simulation.json().get("actual").get("supplierShare"))).isEqualTo("1400.00 EUR");
        assertThat(money(simulation.json().get("actual").get("customerShare"))).isEqualTo("6200.00 EUR");
        assertThat(money(simulation.json().get("simulated").get("supplierShare"))).isEqualTo("1500.00 EUR");
        assertThat(money(simulation.json().get("simulated").get("customerShare"))).isEqualTo("5100.00 EUR");

        assertThat(api.post(base + "/subscription/fee-changes",
                "{\"monthlyFee\": {\"amount\": \"3500.00\", \"currency\": \"EUR\"}, \"effectiveFrom\": \"2026-03-15\"}")
                .status()).isEqualTo(204);
        Response payment = api.post(base + "/payments",
                "{\"amount\": {\"amount\": \"3000.00\", \"currency\": \"EUR\"}, \"reference\": \"INV-2026-001\", \"receivedOn\": \"2026-02-10\"}");
        assertThat(payment.status()).isEqualTo(201);
        assertThat(api.post(base + "/assignments/" + ben + "/release", "{\"on\": \"2026-04-30\"}").status())
                .isEqualTo(204);
        assertThat(api.post(base + "/completion", "{\"on\": \"2026-05-31\", \"summary\": \"stock-outs down, on time up\"}")
                .status()).isEqualTo(204);

        Response late = api.post(base + "/metrics/stockouts/recordings", recording("5", "2026-06-01"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asString()).isEqualTo("DATE_AFTER_END");

        awaitProjections();
        JsonNode summary = awaitSummary(id, "COMPLETED");
        assertThat(summary.get("customerName").asString()).isEqualTo("ACME Logistics");
        assertThat(summary.get("model").asString()).isEqualTo("HYBRID");
        assertThat(summary.get("endedOn").asString()).isEqualTo("2026-05-31");
        JsonNode people = summary.get("people");
        assertThat(people).hasSize(2);
        assertThat(people.get(0).get("personId").asString()).isEqualTo(ana);
        assertThat(people.get(0).get("organisationName").asString()).isEqualTo("Porto University");
        assertThat(people.get(0).get("allocationPercent").asString()).isEqualTo("50");
        assertThat(people.get(1).get("releasedOn").asString()).isEqualTo("2026-04-30");
        JsonNode stockouts = summary.get("metrics").get(0);
        assertThat(stockouts.get("baselineValue").asString()).isEqualTo("40");
        assertThat(stockouts.get("latestValue").asString()).isEqualTo("48");
        assertThat(stockouts.get("improvement").asString()).isEqualTo("-8");
        assertThat(stockouts.get("improvementPercent").asString()).isEqualTo("-20.00");
        JsonNode onTime = summary.get("metrics").get(1);
        assertThat(onTime.get("latestValue").asString()).isEqualTo("87");
        assertThat(onTime.get("latestDate").asString()).isEqualTo("2026-01-31");
        assertThat(onTime.get("improvementPercent").asString()).isEqualTo("8.75");
        // money: charges 2612.90 + 3000.00 + 3274.19 + 3500.00 + 3500.00, and January's resolved 1400.00
        assertThat(money(summary.get("gainToDate"))).isEqualTo("1400.00 EUR");
        assertThat(money(summary.get("billedToDate"))).isEqualTo("17287.09 EUR");
        assertThat(money(summary.get("paidToDate"))).isEqualTo("3000.00 EUR");
        assertThat(money(summary.get("outstanding"))).isEqualTo("14287.09 EUR");

        checkTheOtherReadModels(id, base, wrong.id());
        return id;
    }

    private void checkTheOtherReadModels(String id, String base, String correctedRecording) {
        JsonNode page = api.get("/api/engagements?customerId=" + customerId + "&status=COMPLETED&size=5").json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        assertThat(page.get("content").get(0).get("id").asString()).isEqualTo(id);
        assertThat(api.get("/api/engagements?customerId=" + customerId + "&status=ACTIVE").json()
                .get("totalElements").asLong()).isZero();

        JsonNode series = api.get(base + "/metrics/on-time/series").json();
        assertThat(series.get("baselineValue").asString()).isEqualTo("80");
        assertThat(series.get("points")).hasSize(2);
        JsonNode corrected = series.get("points").get(1);
        assertThat(corrected.get("date").asString()).isEqualTo("2026-01-31");
        assertThat(corrected.get("value").asString()).isEqualTo("87");
        assertThat(corrected.get("originalValue").asString()).isEqualTo("98");
        assertThat(corrected.get("corrected").asBoolean()).isTrue();
        assertThat(corrected.get("recordingId").asString()).isEqualTo(correctedRecording);
        assertThat(api.get(base + "/metrics/returns/series").status()).isEqualTo(404);

        JsonNode statements = api.get(base + "/statements").json();
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).get("status").asString()).isEqualTo("RESOLVED");
        assertThat(money(statements.get(0).get("supplierShare"))).isEqualTo("1400.00 EUR");
        assertThat(money(statements.get(0).get("customerShare"))).isEqualTo("6200.00 EUR");
        assertThat(statements.get(0).get("disputeReason").asString()).isEqualTo("warehouse 3 miscounted");
        assertThat(statements.get(1).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(money(statements.get(1).get("carriedDeficit"))).isEqualTo("2000.00 EUR");
        String januaryId = statements.get(0).get("id").asString();
        assertThat(api.get(base + "/statements/" + januaryId).json().get("periodEnd").asString()).isEqualTo("2026-01-31");

        JsonNode charges = api.get(base + "/charges").json();
        assertThat(charges).hasSize(5);
        assertThat(charges.get(0).get("month").asString()).isEqualTo("2026-01");
        assertThat(money(charges.get(0).get("amount"))).isEqualTo("2612.90 EUR");   // 3000.00 x 27 / 31
        assertThat(charges.get(0).get("days").asInt()).isEqualTo(27);
        assertThat(money(charges.get(2).get("amount"))).isEqualTo("3274.19 EUR");   // fee change on 2026-03-15
        assertThat(money(charges.get(4).get("amount"))).isEqualTo("3500.00 EUR");   // completed 2026-05-31

        JsonNode february = lineOf(api.get("/api/billing/reconciliation?month=2026-02").json(), id);
        assertThat(money(february.get("billed"))).isEqualTo("3000.00 EUR");
        assertThat(money(february.get("paid"))).isEqualTo("3000.00 EUR");
        assertThat(money(february.get("outstanding"))).isEqualTo("0.00 EUR");
        Response csv = api.get("/api/billing/reconciliation.csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("engagementId,customerName,currency,month,billed,paid,outstanding,invoiced\r\n")
                .contains(id + ",ACME Logistics,EUR,2026-01,4012.90,0.00,4012.90,0.00\r\n")
                .contains(id + ",ACME Logistics,EUR,2026-02,3000.00,3000.00,0.00,0.00\r\n");

        // a second engagement books Ana for 60 % in March and April, on top of her 50 %
        String second = openAndStart();
        assertThat(api.post("/api/engagements/" + second + "/assignments", """
                {"personId": "%s", "displayName": "Ana Lima", "organisationKind": "PARTNER",
                 "organisationName": "Porto University", "role": "analyst", "allocationPercent": "60",
                 "from": "2026-03-01", "to": "2026-04-30"}""".formatted(ana)).status()).isEqualTo(201);
        awaitProjections();
        JsonNode allocations = api.get("/api/people/" + ana + "/allocations").json();
        assertThat(allocations.get("allocations").get(0).get("to").asString()).isEqualTo("2026-05-31");
        JsonNode over = allocations.get("overAllocated");
        assertThat(over).hasSize(1);
        assertThat(over.get(0).get("from").asString()).isEqualTo("2026-03-01");
        assertThat(over.get(0).get("to").asString()).isEqualTo("2026-04-30");
        assertThat(over.get(0).get("totalPercent").asString()).isEqualTo("110");
    }

    private static JsonNode lineOf(JsonNode lines, String engagementId) {
        for (JsonNode line : lines) {
            if (line.get("engagementId").asString().equals(engagementId)) {
                return line;
            }
        }
        throw new AssertionError("no line for " + engagementId + " in " + lines);
    }

    /** Waits until every projection has handled every event stored so far. */
    void awaitProjections() {
        ReadModels.awaitCaughtUp(api, Duration.ofSeconds(20));
    }

    JsonNode awaitSummary(String id, String status) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/engagements/" + id),
                        r -> r.status() == 200 && r.json().get("status").asString().equals(status))
                .json();
    }

    static String money(JsonNode money) {
        return money.get("amount").asString() + " " + money.get("currency").asString();
    }
}
