package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.assignment;
import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.api.Rule;
import com.engagementtracker.app.Api.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every way a client can be refused, over HTTP: the status, the problem+json body naming the field or
 * the rule, and an event store that is exactly as it was before the request.
 */
class RejectionTest extends H2HttpTest {

    private Api api;
    private String base;
    private String statementId;
    /** an engagement just opened: no terms, no baseline */
    private String opened;
    /** a subscription-only engagement, started */
    private String subscription;
    /** a gain-share-only engagement, started, with a recording on 2026-01-20 and nothing settled */
    private String gainOnly;
    /** an engagement cancelled on 2026-03-01, its January statement disputed */
    private String cancelled;
    private String disputedStatementId;
    /** terms and baseline agreed, planned from 2026-01-01, not started */
    private String ready;
    /** planned from 2025-12-01, while the baseline is measured up to 2025-12-31; not started */
    private String plannedTooEarly;

    private static final String STOCKOUTS_METRIC = """
            {"metricId": "stockouts", "name": "Stock-outs", "unit": "count", "direction": "LOWER_IS_BETTER",
             "baselineValue": "40", "baselineFrom": "2025-10-01", "baselineTo": "2025-12-31",
             "aggregation": "SUM", "valuePerUnit": {"amount": "250.00", "currency": "EUR"}}""";

    @BeforeEach
    void anActiveEngagementWithASettledJanuary() {
        api = api();
        String id = new LifecycleScenario(api).openAndStart();
        base = "/api/engagements/" + id;
        api.post(base + "/assignments", assignment("ana", "Ana Lima", "PARTNER", "Porto University", "50"));
        api.post(base + "/metrics/stockouts/recordings", recording("12", "2026-01-31"));
        api.post(base + "/payments", "{\"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"reference\": \"INV-1\", \"receivedOn\": \"2026-02-01\"}");
        statementId = api.post(base + "/settlements", period("2026-01-01", "2026-01-31")).json().get("id").asString();
        api.post(base + "/settlements/" + statementId + "/confirmation", "");

        opened = "/api/engagements/" + api.post("/api/engagements", LifecycleScenario.OPEN).id();
        subscription = "/api/engagements/" + api.post("/api/engagements", LifecycleScenario.OPEN).id();
        api.put(subscription + "/terms", "{\"model\": \"SUBSCRIPTION\", \"subscription\": {\"monthlyFee\": {\"amount\": \"3000.00\", \"currency\": \"EUR\"}}}");
        api.post(subscription + "/baseline", LifecycleScenario.BASELINE);
        api.post(subscription + "/start", "{\"on\": \"2026-01-05\"}");
        api.post(subscription + "/metrics/stockouts/recordings", recording("20", "2026-01-20"));
        gainOnly = "/api/engagements/" + api.post("/api/engagements", LifecycleScenario.OPEN).id();
        api.put(gainOnly + "/terms", "{\"model\": \"GAIN_SHARE\", \"gainShare\": {\"sharePercent\": \"20\"}}");
        api.post(gainOnly + "/baseline", LifecycleScenario.BASELINE);
        api.post(gainOnly + "/start", "{\"on\": \"2026-01-05\"}");
        api.post(gainOnly + "/metrics/stockouts/recordings", recording("20", "2026-01-20"));
        cancelled = "/api/engagements/" + new LifecycleScenario(api).openAndStart();
        disputedStatementId = api.post(cancelled + "/settlements", period("2026-01-01", "2026-01-31")).json()
                .get("id").asString();
        api.post(cancelled + "/settlements/" + disputedStatementId + "/dispute", "{\"reason\": \"no work seen\"}");
        api.post(cancelled + "/cancellation", "{\"on\": \"2026-03-01\", \"reason\": \"merger\"}");
        ready = "/api/engagements/" + api.post("/api/engagements", LifecycleScenario.OPEN).id();
        api.put(ready + "/terms", LifecycleScenario.HYBRID_TERMS);
        api.post(ready + "/baseline", LifecycleScenario.BASELINE);
        plannedTooEarly = "/api/engagements/" + api.post("/api/engagements",
                LifecycleScenario.OPEN.replace("2026-01-01", "2025-12-01")).id();
        api.put(plannedTooEarly + "/terms", LifecycleScenario.HYBRID_TERMS);
        api.post(plannedTooEarly + "/baseline", LifecycleScenario.BASELINE);
    }

    private record Case(String name, String method, String path, String body, int status, String codeOrField) {
    }

    private List<Case> cases() {
        String s = base + "/settlements/" + statementId;
        List<Case> cases = new ArrayList<>();
        // 400: malformed or invalid input, naming the field
        cases.add(new Case("malformed JSON", "POST", base + "/payments", "{\"amount\": ", 400, null));
        cases.add(new Case("missing body", "POST", base + "/start", "", 400, null));
        cases.add(new Case("blank customer name", "POST", "/api/engagements",
                LifecycleScenario.OPEN.replace("\"ACME Logistics\"", "\"  \""), 400, "customerName"));
        cases.add(new Case("importance 6", "POST", "/api/engagements",
                LifecycleScenario.OPEN.replace("\"importance\": 5", "\"importance\": 6"), 400, "customerJob.importance"));
        cases.add(new Case("planned end before start", "POST", "/api/engagements",
                LifecycleScenario.OPEN.replace("2026-12-31", "2025-12-31"), 400, "plannedEnd"));
        cases.add(new Case("unknown currency", "POST", "/api/engagements",
                LifecycleScenario.OPEN.replace("\"EUR\"", "\"EURO\""), 400, "currency"));
        cases.add(new Case("a date that is no date", "POST", base + "/start", "{\"on\": \"2026-02-30\"}", 400, "on"));
        cases.add(new Case("unknown model", "PUT", base + "/terms", "{\"model\": \"BARTER\"}", 400, "model"));
        cases.add(new Case("hybrid without subscription", "PUT", base + "/terms",
                "{\"model\": \"HYBRID\", \"gainShare\": {\"sharePercent\": \"20\"}}", 400, "subscription"));
        cases.add(new Case("share above 100 %", "PUT", base + "/terms",
                "{\"model\": \"GAIN_SHARE\", \"gainShare\": {\"sharePercent\": \"120\"}}", 400, "gainShare.sharePercent"));
        cases.add(new Case("a negative hurdle", "PUT", base + "/terms", "{\"model\": \"GAIN_SHARE\", \"gainShare\": "
                + "{\"sharePercent\": \"20\", \"hurdle\": {\"amount\": \"-1.00\", \"currency\": \"EUR\"}}}", 400, "gainShare.hurdle"));
        cases.add(new Case("gain share without its terms", "PUT", base + "/terms",
                "{\"model\": \"GAIN_SHARE\"}", 400, "gainShare"));
        cases.add(new Case("payment terms of a year and more", "PUT", base + "/terms", "{\"model\": \"SUBSCRIPTION\", "
                + "\"subscription\": {\"monthlyFee\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}}, \"paymentTermsDays\": 366}",
                400, "paymentTermsDays"));
        cases.add(new Case("a negative value per unit", "POST", base + "/baseline",
                LifecycleScenario.BASELINE.replace("\"250.00\"", "\"-250.00\""), 400, "metrics[0].valuePerUnit"));
        cases.add(new Case("a baseline measured backwards", "POST", base + "/baseline",
                LifecycleScenario.BASELINE.replace("\"2025-10-01\"", "\"2026-01-15\""), 400, "metrics[0].baselineTo"));
        cases.add(new Case("bad metric id", "POST", base + "/baseline", LifecycleScenario.BASELINE.replace("\"stockouts\"", "\"Stock Outs\""),
                400, "metrics[0].metricId"));
        cases.add(new Case("unknown direction", "POST", base + "/baseline", LifecycleScenario.BASELINE.replace("LOWER_IS_BETTER", "DOWN"),
                400, "metrics[0].direction"));
        cases.add(new Case("allocation of 140 %", "POST", base + "/assignments",
                assignment("bob", "Bob", "SUPPLIER", "Supplier Co", "140"), 400, "allocationPercent"));
        cases.add(new Case("partner without organisation", "POST", base + "/assignments",
                assignment("bob", "Bob", "PARTNER", "", "40"), 400, "organisationName"));
        cases.add(new Case("recording without value", "POST", base + "/metrics/stockouts/recordings",
                "{\"date\": \"2026-02-01\"}", 400, "value"));
        cases.add(new Case("a value that is no number", "POST", base + "/metrics/stockouts/recordings",
                "{\"value\": \"twelve\", \"date\": \"2026-02-01\"}", 400, "value"));
        cases.add(new Case("a cent fraction", "POST", base + "/payments",
                "{\"amount\": {\"amount\": \"10.005\", \"currency\": \"EUR\"}, \"reference\": \"INV-2\", \"receivedOn\": \"2026-02-01\"}",
                400, "amount"));
        cases.add(new Case("period ending before it starts", "POST", base + "/settlements",
                period("2026-02-28", "2026-02-01"), 400, "periodEnd"));
        cases.add(new Case("dispute without reason", "POST", s + "/dispute", "{}", 400, "reason"));
        cases.add(new Case("a plan ending before it starts", "PUT", ready + "/plan",
                "{\"plannedStart\": \"2026-03-01\", \"plannedEnd\": \"2026-02-01\", \"reason\": \"x\"}", 400, "plannedEnd"));
        cases.add(new Case("a plan change without a reason", "PUT", ready + "/plan",
                "{\"plannedStart\": \"2026-02-01\", \"plannedEnd\": \"2026-12-31\"}", 400, "reason"));
        cases.add(new Case("a baseline outside the metric's own bounds", "POST", opened + "/baseline",
                LifecycleScenario.BASELINE.replace("\"baselineValue\": \"40\"", "\"baselineValue\": \"-50\""), 400,
                "metrics[0].baselineValue"));
        cases.add(new Case("bounds the wrong way round", "POST", opened + "/baseline",
                LifecycleScenario.BASELINE.replace("\"minValue\": \"0\", \"maxValue\": \"100\"",
                        "\"minValue\": \"100\", \"maxValue\": \"0\""), 400, "metrics[1].maxValue"));
        cases.add(new Case("a dispute window of 91 days", "PUT", ready + "/terms",
                "{\"model\": \"GAIN_SHARE\", \"gainShare\": {\"sharePercent\": \"20\", \"disputeWindowDays\": 91}}", 400,
                "gainShare.disputeWindowDays"));
        cases.add(new Case("an unknown settlement period", "PUT", ready + "/terms",
                "{\"model\": \"GAIN_SHARE\", \"gainShare\": {\"sharePercent\": \"20\", \"settlementPeriod\": \"WEEKLY\"}}",
                400, "gainShare.settlementPeriod"));
        // 400 and 413: beyond what the store and the read models can hold (Limits)
        cases.add(new Case("a value with a billion decimals", "POST", base + "/metrics/stockouts/recordings",
                "{\"value\": \"1e-999999999\", \"date\": \"2026-02-01\"}", 400, "value"));
        cases.add(new Case("a value of 400 digits", "POST", base + "/metrics/stockouts/recordings",
                "{\"value\": \"1e400\", \"date\": \"2026-02-01\"}", 400, "value"));
        cases.add(new Case("a value whose digit count overflows an int", "POST", base + "/metrics/stockouts/recordings",
                "{\"value\": \"1E+2147483647\", \"date\": \"2026-02-01\"}", 400, "value"));
        cases.add(new Case("a negative value whose digit count overflows an int", "POST", base + "/metrics/stockouts/recordings",
                "{\"value\": \"-1E+2147483647\", \"date\": \"2026-02-01\"}", 400, "value"));
        cases.add(new Case("a value with the most decimals a scale holds", "POST", base + "/metrics/stockouts/recordings",
                "{\"value\": \"1E-2147483647\", \"date\": \"2026-02-01\"}", 400, "value"));
        cases.add(new Case("a value beyond the largest scale", "POST", base + "/metrics/stockouts/recordings",
                "{\"value\": \"1E-2147483648\", \"date\": \"2026-02-01\"}", 400, "value"));
        cases.add(new Case("a batch value whose digit count overflows an int", "POST", base + "/recordings/batch",
                "{\"recordings\": [{\"metricId\": \"stockouts\", \"value\": \"1E+2147483647\", \"date\": \"2026-02-01\"}]}",
                400, "recordings[0].value"));
        cases.add(new Case("a baseline adjustment whose digit count overflows an int", "POST", base + "/baseline/adjustments",
                "{\"metricId\": \"stockouts\", \"baselineValue\": \"1E+2147483647\", \"reason\": \"recount\"}", 400,
                "baselineValue"));
        cases.add(new Case("an amount whose digit count overflows an int", "POST", base + "/payments",
                "{\"amount\": {\"amount\": \"1E+2147483647\", \"currency\": \"EUR\"}, \"reference\": \"INV-4\", \"receivedOn\": \"2026-02-01\"}",
                400, "amount"));
        cases.add(new Case("a share whose digit count overflows an int", "POST", base + "/simulations",
                "{\"gainShare\": {\"sharePercent\": \"1E+2147483647\"}}", 400, "gainShare.sharePercent"));
        cases.add(new Case("an allocation whose digit count overflows an int", "POST", base + "/assignments",
                assignment("bob", "Bob", "SUPPLIER", "Supplier Co", "1E+2147483647"), 400, "allocationPercent"));
        cases.add(new Case("a correction of 16 digits", "POST", base + "/metrics/stockouts/recordings/nope/corrections",
                "{\"value\": \"1234567890123456\", \"reason\": \"typo\"}", 400, "value"));
        cases.add(new Case("a baseline of 7 decimals", "POST", base + "/baseline/adjustments",
                "{\"metricId\": \"stockouts\", \"baselineValue\": \"40.1234567\", \"reason\": \"recount\"}", 400, "baselineValue"));
        cases.add(new Case("an amount of a billion digits", "POST", base + "/payments",
                "{\"amount\": {\"amount\": \"1e999999999\", \"currency\": \"EUR\"}, \"reference\": \"INV-3\", \"receivedOn\": \"2026-02-01\"}",
                400, "amount"));
        cases.add(new Case("an allocation of 50.125 %", "POST", base + "/assignments",
                assignment("bob", "Bob", "SUPPLIER", "Supplier Co", "50.125"), 400, "allocationPercent"));
        cases.add(new Case("a date in the 22nd century", "POST", base + "/start", "{\"on\": \"2100-01-01\"}", 400, "on"));
        cases.add(new Case("a date of year 999999", "POST", base + "/start", "{\"on\": \"+999999-01-01\"}", 400, "on"));
        cases.add(new Case("a NUL in a name", "POST", "/api/engagements",
                LifecycleScenario.OPEN.replace("ACME Logistics", "ACME\\u0000Logistics"), 400, "customerName"));
        cases.add(new Case("a title of 256 characters", "POST", "/api/engagements",
                LifecycleScenario.OPEN.replace("Inventory control", "x".repeat(256)), 400, "title"));
        cases.add(new Case("a body over 1 MiB", "POST", base + "/metrics/stockouts/recordings",
                "{\"value\": \"1\", \"date\": \"2026-02-01\", \"source\": \"" + "x".repeat(1024 * 1024) + "\"}",
                413, "BODY_TOO_LARGE"));
        cases.add(new Case("a negative day rate", "POST", base + "/assignments",
                MarginHttpTest.assignment("bob", "SUPPLIER", "Supplier Co", "40", "-1.00"), 400, "dayRate"));
        cases.add(new Case("a day rate in another currency", "POST", base + "/assignments",
                MarginHttpTest.assignment("bob", "SUPPLIER", "Supplier Co", "40", "500.00").replace("\"EUR\"", "\"USD\""), 409,
                "CURRENCY_MISMATCH"));
        String simulate = "{\"gainShare\": {\"sharePercent\": \"30\"}, \"periods\": [%s]}";
        cases.add(new Case("a simulated period inside a settled one", "POST", base + "/simulations",
                simulate.formatted(period("2026-01-15", "2026-01-31")), 400, "periods[0].periodStart"));
        cases.add(new Case("simulated periods with a gap", "POST", base + "/simulations",
                simulate.formatted(period("2026-01-01", "2026-01-31") + ", " + period("2026-02-02", "2026-02-28")), 400,
                "periods[1].periodStart"));
        cases.add(new Case("a simulated period not yet ended", "POST", base + "/simulations",
                simulate.formatted(period("2026-02-01", "2099-12-31")), 400, "periods[0].periodEnd"));
        cases.add(new Case("a simulated period ending before it starts", "POST", base + "/simulations",
                simulate.formatted(period("2026-02-28", "2026-02-01")), 400, "periods[0].periodEnd"));
        cases.add(new Case("a simulated quarter on monthly terms", "POST", base + "/simulations",
                simulate.formatted(period("2026-01-01", "2026-03-31")), 400, "periods[0].periodEnd"));
        cases.add(new Case("a simulated hurdle in another currency", "POST", base + "/simulations",
                "{\"gainShare\": {\"sharePercent\": \"30\", \"hurdle\": {\"amount\": \"100.00\", \"currency\": \"USD\"}}}",
                400, "gainShare.hurdle"));
        cases.add(new Case("a simulated share of 0 %", "POST", base + "/simulations",
                "{\"gainShare\": {\"sharePercent\": \"0\"}}", 400, "gainShare.sharePercent"));
        cases.add(new Case("a simulation without terms", "POST", base + "/simulations", "{}", 400, "gainShare"));
        cases.add(new Case("a simulation without a baseline", "POST", opened + "/simulations",
                "{\"gainShare\": {\"sharePercent\": \"30\"}}", 409, "BASELINE_NOT_CAPTURED"));
        cases.add(new Case("a simulation of no engagement", "POST", "/api/engagements/nope/simulations",
                "{\"gainShare\": {\"sharePercent\": \"30\"}}", 404, "ENGAGEMENT_NOT_FOUND"));
        // 404: what does not exist
        cases.add(new Case("unknown engagement", "POST", "/api/engagements/no-such-engagement/start",
                "{\"on\": \"2026-02-01\"}", 404, "ENGAGEMENT_NOT_FOUND"));
        cases.add(new Case("unknown metric", "POST", base + "/metrics/returns/recordings",
                recording("3", "2026-02-01"), 404, "METRIC_NOT_FOUND"));
        cases.add(new Case("unknown recording", "POST", base + "/metrics/stockouts/recordings/nope/corrections",
                "{\"value\": \"3\", \"reason\": \"typo\"}", 404, "RECORDING_NOT_FOUND"));
        cases.add(new Case("unknown statement", "POST", base + "/settlements/nope/confirmation", "", 404,
                "STATEMENT_NOT_FOUND"));
        cases.add(new Case("release of someone not assigned", "POST", base + "/assignments/zoe/release",
                "{\"on\": \"2026-02-01\"}", 404, "PERSON_NOT_ASSIGNED"));
        // 409: what the engagement's state forbids
        cases.add(new Case("second baseline", "POST", base + "/baseline", LifecycleScenario.BASELINE, 409,
                "BASELINE_ALREADY_CAPTURED"));
        cases.add(new Case("baseline adjusted after settlement", "POST", base + "/baseline/adjustments",
                "{\"metricId\": \"stockouts\", \"baselineValue\": \"41\", \"reason\": \"recount\"}", 409, "BASELINE_LOCKED"));
        cases.add(new Case("terms after start", "PUT", base + "/terms", LifecycleScenario.HYBRID_TERMS, 409, "TERMS_LOCKED"));
        cases.add(new Case("second start", "POST", base + "/start", "{\"on\": \"2026-01-06\"}", 409, "ALREADY_STARTED"));
        cases.add(new Case("second assignment", "POST", base + "/assignments",
                assignment("ana", "Ana Lima", "PARTNER", "Porto University", "20"), 409, "PERSON_ALREADY_ASSIGNED"));
        cases.add(new Case("recording in another unit", "POST", base + "/metrics/stockouts/recordings",
                "{\"value\": \"1\", \"unit\": \"dozen\", \"date\": \"2026-02-01\"}", 409, "UNIT_MISMATCH"));
        cases.add(new Case("recording tomorrow", "POST", base + "/metrics/stockouts/recordings",
                recording("3", "2026-06-16"), 409, "DATE_IN_FUTURE"));
        cases.add(new Case("recording into a settled month", "POST", base + "/metrics/stockouts/recordings",
                recording("3", "2026-01-20"), 409, "RECORDING_IN_SETTLED_PERIOD"));
        cases.add(new Case("January settled again", "POST", base + "/settlements", period("2026-01-01", "2026-01-31"),
                409, "PERIOD_ALREADY_SETTLED"));
        cases.add(new Case("a gap after January", "POST", base + "/settlements", period("2026-02-02", "2026-02-28"),
                409, "PERIOD_NOT_CONTIGUOUS"));
        cases.add(new Case("a period not yet ended", "POST", base + "/settlements", period("2026-02-01", "2026-06-15"),
                409, "PERIOD_NOT_CLOSED"));
        cases.add(new Case("confirmed twice", "POST", s + "/confirmation", "", 409, "STATEMENT_NOT_SETTLED"));
        cases.add(new Case("resolution without dispute", "POST", s + "/resolution",
                "{\"supplierShare\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}, \"note\": \"n/a\"}", 409,
                "STATEMENT_NOT_DISPUTED"));
        cases.add(new Case("payment in dollars", "POST", base + "/payments",
                "{\"amount\": {\"amount\": \"10.00\", \"currency\": \"USD\"}, \"reference\": \"INV-2\", \"receivedOn\": \"2026-02-01\"}",
                409, "CURRENCY_MISMATCH"));
        cases.add(new Case("payment reference reused", "POST", base + "/payments",
                "{\"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"reference\": \"INV-1\", \"receivedOn\": \"2026-02-01\"}",
                409, "DUPLICATE_PAYMENT_REFERENCE"));
        cases.add(new Case("completion before the start", "POST", base + "/completion",
                "{\"on\": \"2026-01-04\", \"summary\": \"x\"}", 409, "DATE_BEFORE_START"));
        cases.add(new Case("the same metric twice", "POST", opened + "/baseline", """
                {"metrics": [%s, %s]}""".formatted(STOCKOUTS_METRIC, STOCKOUTS_METRIC), 409, "DUPLICATE_METRIC"));
        cases.add(new Case("start without terms", "POST", opened + "/start", "{\"on\": \"2026-01-05\"}", 409,
                "TERMS_NOT_AGREED"));
        cases.add(new Case("recording before the baseline", "POST", opened + "/metrics/stockouts/recordings",
                recording("3", "2026-02-01"), 409, "BASELINE_NOT_CAPTURED"));
        cases.add(new Case("completing work never started", "POST", opened + "/completion",
                "{\"on\": \"2026-02-01\", \"summary\": \"x\"}", 409, "NOT_STARTED"));
        cases.add(new Case("an assignment past the planned end", "POST", opened + "/assignments",
                assignment("bob", "Bob", "SUPPLIER", "Supplier Co", "40").replace("2026-06-30", "2027-06-30"), 409,
                "ASSIGNMENT_OUTSIDE_ENGAGEMENT"));
        cases.add(new Case("a release after the assignment ended", "POST", base + "/assignments/ana/release",
                "{\"on\": \"2026-07-01\"}", 409, "RELEASE_OUTSIDE_ASSIGNMENT"));
        cases.add(new Case("a settlement of a subscription", "POST", subscription + "/settlements",
                period("2026-01-01", "2026-01-31"), 409, "NO_GAIN_SHARE_TERMS"));
        cases.add(new Case("a fee change without a subscription", "POST", gainOnly + "/subscription/fee-changes",
                "{\"monthlyFee\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"effectiveFrom\": \"2026-03-01\"}",
                409, "NO_SUBSCRIPTION_TERMS"));
        cases.add(new Case("a first period after the first recording", "POST", gainOnly + "/settlements",
                period("2026-02-01", "2026-02-28"), 409, "PERIOD_STARTS_AFTER_FIRST_RECORDING"));
        cases.add(new Case("a negative fee", "POST", base + "/subscription/fee-changes",
                "{\"monthlyFee\": {\"amount\": \"-1.00\", \"currency\": \"EUR\"}, \"effectiveFrom\": \"2026-03-01\"}",
                409, "NEGATIVE_AMOUNT"));
        cases.add(new Case("a payment of nothing", "POST", base + "/payments",
                "{\"amount\": {\"amount\": \"0.00\", \"currency\": \"EUR\"}, \"reference\": \"INV-9\", \"receivedOn\": \"2026-02-01\"}",
                409, "NEGATIVE_AMOUNT"));
        cases.add(new Case("a resolution above the shareable gain", "POST", cancelled + "/settlements/"
                + disputedStatementId + "/resolution",
                "{\"supplierShare\": {\"amount\": \"0.01\", \"currency\": \"EUR\"}, \"note\": \"n/a\"}", 409,
                "RESOLUTION_EXCEEDS_SHAREABLE_GAIN"));
        cases.add(new Case("an assignment on a cancelled engagement", "POST", cancelled + "/assignments",
                assignment("bob", "Bob", "SUPPLIER", "Supplier Co", "40"), 409, "ENGAGEMENT_ENDED"));
        cases.add(new Case("a recording after the cancellation", "POST", cancelled + "/metrics/stockouts/recordings",
                recording("3", "2026-03-02"), 409, "DATE_AFTER_END"));
        cases.add(new Case("a start nine months before the plan", "POST", ready + "/start", "{\"on\": \"2025-04-01\"}", 409,
                "START_BEFORE_PLANNED_START"));
        cases.add(new Case("a start inside the baseline period", "POST", plannedTooEarly + "/start",
                "{\"on\": \"2025-12-31\"}", 409, "START_DURING_BASELINE"));
        cases.add(new Case("the planned start moved after the start", "PUT", base + "/plan",
                "{\"plannedStart\": \"2025-12-01\", \"plannedEnd\": \"2026-12-31\", \"reason\": \"x\"}", 409,
                "PLAN_START_LOCKED"));
        cases.add(new Case("the planned end before a settled period", "PUT", base + "/plan",
                "{\"plannedStart\": \"2026-01-01\", \"plannedEnd\": \"2026-01-15\", \"reason\": \"x\"}", 409,
                "PLAN_END_BEFORE_FACTS"));
        cases.add(new Case("a recording before the start", "POST", base + "/metrics/stockouts/recordings",
                recording("3", "2025-12-31"), 409, "DATE_BEFORE_START"));
        cases.add(new Case("a recording before the work started", "POST", ready + "/metrics/stockouts/recordings",
                recording("3", "2026-01-02"), 409, "NOT_STARTED"));
        cases.add(new Case("a count below zero", "POST", base + "/metrics/stockouts/recordings",
                recording("-3", "2026-02-01"), 409, "VALUE_OUT_OF_RANGE"));
        cases.add(new Case("a percentage above 100", "POST", base + "/metrics/on-time/recordings",
                recording("100.5", "2026-02-01"), 409, "VALUE_OUT_OF_RANGE"));
        cases.add(new Case("two months in one settlement", "POST", base + "/settlements", period("2026-02-01", "2026-03-31"),
                409, "PERIOD_NOT_A_SETTLEMENT_PERIOD"));
        cases.add(new Case("an eleven-year settlement", "POST", gainOnly + "/settlements", period("2016-01-01", "2026-05-31"),
                409, "PERIOD_NOT_A_SETTLEMENT_PERIOD"));
        cases.add(new Case("an invoice run for a month not yet ended", "POST", "/api/billing/invoice-runs",
                "{\"month\": \"2026-06\"}", 409, "MONTH_NOT_ENDED"));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyRefusalIsAProblemAndStoresNothing() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            long eventsBefore = eventCount();
            Response response = switch (c.method()) {
                case "PUT" -> api.put(c.path(), c.body());
                default -> api.post(c.path(), c.body());
            };
            assertThat(response.status()).as(response.body()).isEqualTo(c.status());
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("detail").asString()).isNotBlank();
            if (c.status() == 400 && c.codeOrField() != null) {
                assertThat(problem.get("errors").findValuesAsString("field")).contains(c.codeOrField());
            } else if (c.codeOrField() != null) {
                assertThat(problem.get("code").asString()).isEqualTo(c.codeOrField());
            }
            assertThat(eventCount()).isEqualTo(eventsBefore);
        }));
    }

    @Test
    void everyRuleOfTheEngagementIsDrivenOverHttp() {
        Set<String> driven = cases().stream().filter(c -> c.status() != 400).map(Case::codeOrField)
                .collect(Collectors.toSet());
        assertThat(Arrays.stream(Rule.values()).map(Rule::name)).allMatch(driven::contains, "driven by a case above");
    }

    @Test
    void aSettlementWhoseSharesWouldExceedTheMoneyLimitIsRefused() {
        String huge = "/api/engagements/" + api.post("/api/engagements", LifecycleScenario.OPEN).id();
        api.put(huge + "/terms", "{\"model\": \"GAIN_SHARE\", \"gainShare\": {\"sharePercent\": \"100\"}}");
        api.post(huge + "/baseline", """
                {"metrics": [{"metricId": "output", "name": "Output", "unit": "t", "direction": "HIGHER_IS_BETTER",
                 "baselineValue": "0", "baselineFrom": "2025-10-01", "baselineTo": "2025-12-31", "aggregation": "SUM",
                 "valuePerUnit": {"amount": "999999999999999.00", "currency": "EUR"}}]}""");
        api.post(huge + "/start", "{\"on\": \"2026-01-05\"}");
        assertThat(api.post(huge + "/metrics/output/recordings", recording("999999999999999", "2026-01-31")).status())
                .isEqualTo(201);
        long events = eventCount();

        Response settled = api.post(huge + "/settlements", period("2026-01-01", "2026-01-31"));

        assertThat(settled.status()).as(settled.body()).isEqualTo(400);
        assertThat(settled.json().get("detail").asString()).contains("at most 15 digits");
        assertThat(eventCount()).isEqualTo(events);
    }

    @TestFactory
    Stream<DynamicTest> aRetriedPostIsAnsweredOnceAndAReusedKeyIsRefused() {
        return Stream.of(DynamicTest.dynamicTest("same key, same body", () -> {
            Response first = api.post(base + "/metrics/stockouts/recordings", recording("9", "2026-02-10"), "key-1");
            long events = eventCount();
            Response retry = api.post(base + "/metrics/stockouts/recordings", recording("9", "2026-02-10"), "key-1");
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.id()).isEqualTo(first.id());
            assertThat(retry.location()).isEqualTo(first.location());
            assertThat(eventCount()).isEqualTo(events);
        }), DynamicTest.dynamicTest("same key, other body", () -> {
            api.post(base + "/metrics/stockouts/recordings", recording("9", "2026-02-11"), "key-2");
            long events = eventCount();
            Response reuse = api.post(base + "/metrics/stockouts/recordings", recording("10", "2026-02-11"), "key-2");
            assertThat(reuse.status()).isEqualTo(422);
            assertThat(reuse.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(eventCount()).isEqualTo(events);
        }), DynamicTest.dynamicTest("a refused request replays its refusal", () -> {
            Response first = api.post(base + "/start", "{\"on\": \"2026-01-06\"}", "key-3");
            Response retry = api.post(base + "/start", "{\"on\": \"2026-01-06\"}", "key-3");
            assertThat(first.status()).isEqualTo(409);
            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.body()).isEqualTo(first.body());
        }));
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
