package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Batches of the largest size sent at the same time to different engagements all reach the read models, and each
 * batch's events are numbered without a hole: batches append one at a time, so the projections have no gaps to
 * wait for. In a database of its own, closed afterwards.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:concurrent-batches;DB_CLOSE_DELAY=-1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConcurrentBatchesTest extends H2HttpTest {

    private static final int ROWS = 10_000;

    @Test
    void concurrentBatchesOfTenThousandRowsAllReachTheReadModels() throws Exception {
        sendConcurrently(api(), jdbc);
    }

    static void sendConcurrently(Api api, JdbcTemplate jdbc) throws Exception {
        List<String> engagements = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            engagements.add(new LifecycleScenario(api).openAndStart());
        }
        ExecutorService clients = Executors.newFixedThreadPool(engagements.size());
        List<Future<Api.Response>> sent = new ArrayList<>();
        for (String id : engagements) {
            sent.add(clients.submit(() -> api.post("/api/engagements/" + id + "/recordings/batch", batch())));
        }
        for (Future<Api.Response> answer : sent) {
            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
            assertThat(answer.get().json().get("stored").asInt()).isEqualTo(ROWS);
        }
        clients.shutdown();
        ReadModels.awaitCaughtUp(api, Duration.ofMinutes(5));

        for (String id : engagements) {
            Api.Response series = api.get("/api/engagements/" + id + "/metrics/stockouts/series");
            assertThat(series.json().get("points")).as("points of " + id).hasSize(ROWS);
            // a batch appends alone: its events' global indexes are contiguous, so they left no gaps to track
            Map<String, Object> indexes = jdbc.queryForMap("""
                    select min(global_index) as first_index, max(global_index) as last_index from domain_event_entry
                    where aggregate_identifier = ? and payload_type like '%MetricRecordedEvent'""", id);
            assertThat(((Number) indexes.get("last_index")).longValue() - ((Number) indexes.get("first_index")).longValue())
                    .as("global indexes of " + id + "'s batch").isEqualTo(ROWS - 1);
        }
    }

    private static String batch() {
        StringBuilder rows = new StringBuilder("{\"recordings\": [");
        for (int n = 0; n < ROWS; n++) {
            rows.append(n == 0 ? "" : ",").append("{\"metricId\":\"stockouts\",\"value\":\"").append(n % 40)
                    .append("\",\"date\":\"").append(LocalDate.parse("2026-06-14").minusDays(n % 150))
                    .append("\",\"source\":\"ERP\"}");
        }
        return rows.append("]}").toString();
    }
}
