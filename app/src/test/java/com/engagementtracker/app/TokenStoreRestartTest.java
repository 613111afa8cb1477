package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementtracker.command.Engagement;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What survives a restart. The tracking tokens live in the database, so a restarted app goes on from
 * where its processors stopped instead of replaying the event store into the read models; and an
 * engagement comes back from its latest snapshot (here taken every 5 events) with its decisions intact.
 */
class TokenStoreRestartTest {

    @TempDir
    Path directory;

    /** Arguments, not builder properties: those are defaults, and application.properties would win. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(EngagementTrackerApplication.class)
                .sources(TestClock.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("engagements"),
                        "--engagement.snapshot-threshold=5");
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @Test
    void anEngagementComesBackFromItsSnapshotAndDecidesAsBefore() {
        String id;
        String januaryRecording;
        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            id = new LifecycleScenario(api).openAndStart();
            String base = "/api/engagements/" + id;
            januaryRecording = api.post(base + "/metrics/stockouts/recordings",
                    LifecycleScenario.recording("48", "2026-01-31")).id();
            // January: 8 stock-outs worse than 40, a loss of 2000.00 carried forward
            assertThat(api.post(base + "/settlements", LifecycleScenario.period("2026-01-01", "2026-01-31")).status())
                    .isEqualTo(201);
            api.post(base + "/metrics/stockouts/recordings", LifecycleScenario.recording("28", "2026-02-27"));
            // snapshots are taken on a thread of their own, after the command that triggered one
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, id), count -> count > 0);
        }

        try (ConfigurableApplicationContext app = start()) {
            // the stream starts from the snapshot, and the snapshot reads back as an engagement
            DomainEventMessage<?> first = app.getBean(EventStore.class).readEvents(id).peek();
            assertThat(first.getType()).isEqualTo("Engagement");
            assertThat(first.getPayload()).isInstanceOf(Engagement.class);
            assertThat(first.getSequenceNumber()).isPositive();

            Api api = api(app);
            String base = "/api/engagements/" + id;
            assertThat(api.post(base + "/start", "{\"on\": \"2026-01-06\"}").json().get("code").asString())
                    .isEqualTo("ALREADY_STARTED");
            assertThat(api.post(base + "/metrics/stockouts/recordings/" + januaryRecording + "/corrections",
                    "{\"value\": \"40\", \"reason\": \"late\"}").status()).isEqualTo(404);
            assertThat(api.post(base + "/settlements", LifecycleScenario.period("2026-01-01", "2026-01-31"))
                    .json().get("code").asString()).isEqualTo("PERIOD_ALREADY_SETTLED");
            // February gains 12 x 250.00 = 3000.00; 2000.00 pay off January's loss; 20 % of 1000.00 is shared
            var february = api.post(base + "/settlements", LifecycleScenario.period("2026-02-01", "2026-02-28")).json();
            assertThat(LifecycleScenario.money(february.get("supplierShare"))).isEqualTo("200.00 EUR");
            assertThat(LifecycleScenario.money(february.get("carriedDeficit"))).isEqualTo("0.00 EUR");
        }
    }

    @Test
    void processorsResumeWhereTheyStoppedAfterARestart() {
        String id;
        try (ConfigurableApplicationContext app = start()) {
            LifecycleScenario scenario = new LifecycleScenario(api(app));
            id = scenario.openAndStart();
            scenario.awaitSummary(id, "ACTIVE");
            // written behind the projection's back: a replay of EngagementOpened would overwrite it
            app.getBean(JdbcTemplate.class)
                    .update("update engagement_summary set title = 'untouched by replays' where id = ?", id);
        }

        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            assertThat(api.post("/api/engagements/" + id + "/metrics/stockouts/recordings",
                    LifecycleScenario.recording("12", "2026-01-31")).status()).isEqualTo(201);

            var summary = await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get("/api/engagements/" + id).json(),
                            json -> !json.get("metrics").get(0).get("latestValue").isNull());
            assertThat(summary.get("metrics").get(0).get("latestValue").asString()).isEqualTo("12");
            assertThat(summary.get("title").asString()).isEqualTo("untouched by replays");
            assertThat(app.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from token_entry where processor_name = 'projections'", Long.class))
                    .isPositive();
        }
    }
}
