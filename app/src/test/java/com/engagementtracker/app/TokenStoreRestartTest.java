package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tracking tokens live in the database: a restarted app goes on from where its processors stopped
 * instead of replaying the event store into the read models.
 */
class TokenStoreRestartTest {

    @TempDir
    Path directory;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(EngagementTrackerApplication.class)
                .sources(TestClock.class)
                .properties("server.port=0", "spring.datasource.url=jdbc:h2:file:" + directory.resolve("engagements"))
                .run();
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
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
                    "select count(*) from token_entry where processor_name = 'engagement-summary'", Long.class))
                    .isPositive();
        }
    }
}
