package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.command.web.IdempotencyRetention;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Idempotency keys live in the database for 24 hours, so a retry within a day is answered once even
 * across a restart, and a scheduled job purges older ones.
 */
class IdempotencyRetentionTest extends H2HttpTest {

    @Autowired
    IdempotencyRetention retention;
    @Autowired
    ScheduledTaskHolder scheduled;

    @Test
    void aKeyIsKeptForADayAndThenPurged() {
        Api api = api();
        String recordings = "/api/engagements/" + new LifecycleScenario(api).openAndStart() + "/metrics/stockouts/recordings";
        String first = api.post(recordings, recording("9", "2026-02-10"), "kept-23h").id();
        String purged = api.post(recordings, recording("9", "2026-02-11"), "purged-25h").id();
        age("kept-23h", Duration.ofHours(23));
        age("purged-25h", Duration.ofHours(25));

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(keys()).contains("kept-23h").doesNotContain("purged-25h");
        Api.Response retry = api.post(recordings, recording("9", "2026-02-10"), "kept-23h");
        assertThat(retry.id()).isEqualTo(first);
        Api.Response afterPurge = api.post(recordings, recording("9", "2026-02-11"), "purged-25h");
        assertThat(afterPurge.status()).isEqualTo(201);
        assertThat(afterPurge.id()).as("a new recording, not the purged answer").isNotEqualTo(purged);
        assertThat(scheduled.getScheduledTasks()).anyMatch(task -> task.toString().contains("IdempotencyRetention.purge"));
    }

    private void age(String key, Duration age) {
        jdbc.update("update idempotent_request set created_at = ? where idempotency_key = ?",
                Timestamp.from(TestClock.NOW.minus(age)), key);
    }

    private List<String> keys() {
        return jdbc.queryForList("select idempotency_key from idempotent_request", String.class);
    }
}
