package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Recordings in batches over HTTP, on the embedded default ({@link PostgresRecordingBatchTest}: the same on
 * PostgreSQL): all or nothing, every refused row named with its field and rule, rows sent before skipped by their
 * external id, and the largest batch the API takes.
 */
class RecordingBatchHttpTest extends H2HttpTest {

    @Test
    void batchesOfRecordingsOverHttp() {
        recordInBatches(api());
    }

    static void recordInBatches(Api api) {
        LifecycleScenario scenario = new LifecycleScenario(api);
        String id = scenario.openAndStart();
        String batch = "/api/engagements/" + id + "/recordings/batch";
        String threeRows = """
                {"recordings": [
                  {"metricId": "stockouts", "value": "31", "date": "2026-01-31", "source": "ERP", "externalId": "erp-1"},
                  {"metricId": "stockouts", "value": "27", "date": "2026-02-28", "source": "ERP", "externalId": "erp-2"},
                  {"metricId": "on-time", "value": "86.5", "date": "2026-02-28", "source": "WMS"}]}""";

        Api.Response stored = api.post(batch, threeRows);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().get("stored").asInt()).isEqualTo(3);
        assertThat(stored.json().get("duplicates").asInt()).isZero();

        // the same export sent again: the rows with an external id are skipped, the one without is new
        Api.Response again = api.post(batch, threeRows);
        assertThat(again.json().get("stored").asInt()).isEqualTo(1);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(2);

        // one bad row refuses the batch: nothing of it is stored, and every bad row is named
        Api.Response refused = api.post(batch, """
                {"recordings": [
                  {"metricId": "stockouts", "value": "24", "date": "2026-03-31", "externalId": "erp-3"},
                  {"metricId": "returns", "value": "3", "date": "2026-03-31"},
                  {"metricId": "stockouts", "value": "20", "date": "2026-07-01"}]}""");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("code").asString()).isEqualTo("RECORDINGS_REFUSED");
        assertThat(problem.get("detail").asString()).isEqualTo("2 of 3 recordings are refused; none was stored");
        assertThat(problem.get("rows").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(problem.get("rows").get(0).get("field").asString()).isEqualTo("metricId");
        assertThat(problem.get("rows").get(0).get("code").asString()).isEqualTo("METRIC_NOT_FOUND");
        assertThat(problem.get("rows").get(1).get("index").asInt()).isEqualTo(2);
        assertThat(problem.get("rows").get(1).get("field").asString()).isEqualTo("date");
        assertThat(problem.get("rows").get(1).get("code").asString()).isEqualTo("DATE_IN_FUTURE");

        // a value that is not a number is a 400 naming the row's field
        Api.Response malformed = api.post(batch, """
                {"recordings": [{"metricId": "stockouts", "value": "31", "date": "2026-01-31"},
                                {"metricId": "stockouts", "value": null, "date": "2026-01-31"}]}""");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("recordings[1].value");

        scenario.awaitProjections();
        JsonNode series = api.get("/api/engagements/" + id + "/metrics/stockouts/series").json().get("points");
        assertThat(series).hasSize(2);
        assertThat(series.get(0).get("value").asString()).isEqualTo("31");
        assertThat(series.get(1).get("value").asString()).isEqualTo("27");
        assertThat(api.get("/api/engagements/" + id + "/metrics/on-time/series").json().get("points")).hasSize(2);

        // the largest batch is taken whole; one row more is refused before anything is decided
        assertThat(api.post(batch, rows(10_000)).json().get("stored").asInt()).isEqualTo(10_000);
        Api.Response tooMany = api.post(batch, rows(10_001));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("recordings");
    }

    /** So many stock-out counts, one a day back from 2026-06-14, each with an external id of its own. */
    private static String rows(int count) {
        StringJoiner rows = new StringJoiner(",", "{\"recordings\": [", "]}");
        LocalDate last = LocalDate.parse("2026-06-14");
        for (int n = 0; n < count; n++) {
            rows.add("{\"metricId\":\"stockouts\",\"value\":\"" + (n % 40) + "\",\"date\":\"" + last.minusDays(n % 130)
                    + "\",\"externalId\":\"bulk-" + n + "\"}");
        }
        return rows.toString();
    }
}
