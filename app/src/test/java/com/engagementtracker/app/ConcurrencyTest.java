package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementtracker.app.Api.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency: the summary's ETag is the engagement's version, a command sent with a stale
 * If-Match is refused with 412 and stores nothing; without If-Match, concurrent commands on one
 * engagement are applied one after the other and none is lost.
 */
class ConcurrencyTest extends H2HttpTest {

    private static final String METRIC_RECORDED = "com.engagementtracker.api.events.MetricRecordedEvent";

    @Test
    void aCommandNamingAStaleVersionIsRefusedWith412() {
        Api api = api();
        String id = new LifecycleScenario(api).openAndStart();
        String recordings = "/api/engagements/" + id + "/metrics/stockouts/recordings";
        // opened, terms, baseline, started: versions 0 to 3
        assertThat(api.get("/api/engagements/" + id).etag()).contains("\"3\"");

        assertThat(api.post(recordings, recording("20", "2026-02-01"), "If-Match", "\"3\"").status()).isEqualTo(201);
        assertThat(api.get("/api/engagements/" + id).etag()).contains("\"4\"");
        long events = events(id);
        Response stale = api.post(recordings, recording("21", "2026-02-02"), "If-Match", "\"3\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("code").asString()).isEqualTo("STALE_VERSION");
        assertThat(stale.json().get("detail").asString()).contains("version 4");
        assertThat(api.post(recordings, recording("21", "2026-02-02"), "If-Match", "W/\"4\"").status()).isEqualTo(201);
        assertThat(api.post(recordings, recording("22", "2026-02-03"), "If-Match", "yesterday's").status()).isEqualTo(412);
        assertThat(api.put("/api/engagements/" + id + "/terms", LifecycleScenario.HYBRID_TERMS).status()).isEqualTo(409);
        assertThat(events(id)).isEqualTo(events + 1);
    }

    @Test
    void aThousandRecordingsFromSixteenThreadsAreAThousandEvents() throws Exception {
        Api api = api();
        String id = new LifecycleScenario(api).openAndStart();
        String recordings = "/api/engagements/" + id + "/metrics/stockouts/recordings";
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String date = LocalDate.of(2026, 2, 1).plusDays(i % 100).toString();
            String value = Integer.toString(i % 40);
            answers.add(clients.submit(() -> api.post(recordings, recording(value, date)).status()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(201);
        }
        clients.shutdown();

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                Long.class, id, METRIC_RECORDED)).isEqualTo(1000);
        assertThat(api.get("/api/engagements/" + id).etag()).contains("\"1003\"");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/engagements/" + id + "/metrics/stockouts/series").json().get("points").size(),
                        points -> points == 1000);
    }

    private long events(String id) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id);
    }
}
