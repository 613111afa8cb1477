package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recordings imported from a CSV export over HTTP, on the embedded default ({@link PostgresRecordingImportTest}: the
 * same on PostgreSQL): a spreadsheet's file as it is (byte order mark, CRLF, quoted fields, columns in its own order),
 * each engagement all or nothing with every refused line named, a file sent twice storing nothing twice
 * ({@link LargeImportTest}: 50,000 rows sent in chunks).
 */
class RecordingImportHttpTest extends H2HttpTest {

    @Test
    void importsAnErpExportEngagementByEngagement() throws Exception {
        importAnErpExport(api(), port);
    }

    static void importAnErpExport(Api api, int port) throws Exception {
        String first = new LifecycleScenario(api).openAndStart();
        String second = new LifecycleScenario(api).openAndStart();
        // the columns in the ERP's own order; a comma and a quote inside quoted fields; the first engagement's rows
        // apart from each other; one row of the second engagement unknown to its baseline, one with a wrong date
        String export = "\uFEFFdate,engagementId,metricId,value,source,externalId\r\n"
                + "2026-01-31," + first + ",stockouts,31,\"ERP, warehouse 3\",erp-1\r\n"
                + "2026-01-31," + second + ",stockouts,35,ERP,erp-1\r\n"
                + "2026-02-28," + second + ",returns,4,ERP,erp-2\r\n"
                + "28.02.2026," + second + ",stockouts,33,ERP,erp-3\r\n"
                + "2026-02-28," + first + ",on-time,86.5,\"WMS \"\"north\"\"\",erp-2\r\n"
                + "2026-02-28,no-such-engagement,stockouts,1,ERP,erp-9\r\n"
                + "2026-02-28," + first + ",stockouts,27,ERP,erp-3\r\n";

        JsonNode report = send(port, HttpRequest.BodyPublishers.ofString(export), "text/csv; charset=utf-8").json();
        assertThat(report.get("stored").asInt()).isEqualTo(3);
        assertThat(report.get("refusedLines").asInt()).isEqualTo(2);
        JsonNode engagements = report.get("engagements");
        assertThat(engagements.get(0).get("engagementId").asString()).isEqualTo(first);
        assertThat(engagements.get(0).get("stored").asInt()).isEqualTo(3);
        assertThat(engagements.get(1).get("engagementId").asString()).isEqualTo(second);
        assertThat(engagements.get(1).get("stored").asInt()).isZero();
        assertThat(engagements.get(1).get("refused").toString())
                .isEqualTo("[{\"line\":5,\"field\":\"date\",\"code\":\"INVALID_VALUE\",\"message\":\"must be a date as YYYY-MM-DD\"}]");
        assertThat(engagements.get(2).get("engagementId").asString()).isEqualTo("no-such-engagement");
        assertThat(engagements.get(2).get("refused").get(0).get("line").asInt()).isEqualTo(7);
        assertThat(engagements.get(2).get("refused").get(0).get("code").asString()).isEqualTo("ENGAGEMENT_NOT_FOUND");

        // the second engagement's file fixed: now its unknown metric is the refusal, by its line
        String fixed = "engagementId,metricId,date,value\n" + second + ",stockouts,2026-01-31,35\n" + second + ",returns,2026-02-28,4\n";
        JsonNode refused = send(port, HttpRequest.BodyPublishers.ofString(fixed), "text/csv").json()
                .get("engagements").get(0).get("refused").get(0);
        assertThat(refused.get("line").asInt()).isEqualTo(3);
        assertThat(refused.get("field").asString()).isEqualTo("metricId");
        assertThat(refused.get("code").asString()).isEqualTo("METRIC_NOT_FOUND");

        // the same export again stores nothing twice
        JsonNode again = send(port, HttpRequest.BodyPublishers.ofString(export), "text/csv").json();
        assertThat(again.get("stored").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(3);

        new LifecycleScenario(api).awaitProjections();
        JsonNode series = api.get("/api/engagements/" + first + "/metrics/stockouts/series").json().get("points");
        assertThat(series).hasSize(2);
        assertThat(api.get("/api/engagements/" + second + "/metrics/stockouts/series").json().get("points")).isEmpty();
        assertThat(api.get("/api/engagements/" + first + "/metrics/on-time/series").json().get("points").get(0)
                .get("value").asString()).isEqualTo("86.5");

        // each field is held to the JSON API's rules: a value with too many decimals, a text with a control character
        String unreadable = "engagementId,metricId,date,value,source\n" + second + ",stockouts,2026-03-31,1.2345678,ERP\n"
                + second + ",stockouts,2026-03-31,2,\"E\u0000RP\"\n";
        JsonNode unread = send(port, HttpRequest.BodyPublishers.ofString(unreadable), "text/csv").json()
                .get("engagements").get(0).get("refused");
        assertThat(unread).hasSize(2);
        assertThat(unread.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(unread.get(0).get("field").asString()).isEqualTo("value");
        assertThat(unread.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(unread.get(1).get("field").asString()).isEqualTo("source");
        assertThat(unread.get(1).get("message").asString())
                .isEqualTo("must not contain control characters other than tab and line breaks");

        // a file without the columns it needs is refused whole, naming what is missing
        Response headless = send(port, HttpRequest.BodyPublishers.ofString("engagement,metric,day,amount\nx,y,z,1\n"), "text/csv");
        assertThat(headless.status()).isEqualTo(400);
        assertThat(headless.body()).contains("the file has no column engagementId");
        assertThat(send(port, HttpRequest.BodyPublishers.ofString("{}"), "application/json").status()).isEqualTo(415);
    }

    record Response(int status, String body) {
        JsonNode json() {
            assertThat(status).as(body).isEqualTo(200);
            return JsonMapper.shared().readTree(body);
        }
    }

    static Response send(int port, HttpRequest.BodyPublisher body, String contentType) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/imports/recordings"))
                .header("Content-Type", contentType).header("Authorization", Api.basic("account-team"))
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }
}
