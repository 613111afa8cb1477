package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.events.MetricRecordedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An event a projection cannot handle stops nobody: it waits in the dead-letter queue with the later
 * events of its engagement, every other engagement keeps updating, operators see it in the admin API,
 * health and Prometheus, and once the cause is fixed a retry brings the read model up to date.
 */
class DeadLetterTest extends H2HttpTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void noDeadLettersLeftForOtherTests() {
        for (JsonNode letter : api().get("/api/admin/dead-letters").json()) {
            api().delete("/api/admin/dead-letters/" + letter.get("processor").asString() + "/"
                    + letter.get("engagementId").asString());
        }
    }

    @Test
    void aHandlerThatFailsSetsOneEngagementAsideWhileTheOthersUpdateWithinASecond() {
        Api api = api();
        String poisoned = new LifecycleScenario(api).openAndStart();
        String healthy = new LifecycleScenario(api).openAndStart();
        new LifecycleScenario(api).awaitProjections();

        // a recording of a metric the summary does not know: its handler fails, the engagement's next event waits
        append(poisoned, "ghost", "7");
        append(poisoned, "stockouts", "31");
        recordAndSeeItWithin(api, healthy, "17", Duration.ofSeconds(1));

        JsonNode letters = await().atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/api/admin/dead-letters").json(), json -> json.size() == 1);
        JsonNode letter = letters.get(0);
        assertThat(letter.get("processor").asString()).isEqualTo("engagement-summary");
        assertThat(letter.get("engagementId").asString()).isEqualTo(poisoned);
        assertThat(letter.get("eventType").asString()).isEqualTo("MetricRecordedEvent");
        assertThat(letter.get("error").asString()).contains("NullPointerException");
        assertThat(letter.get("letters").asLong()).isEqualTo(2);
        assertThat(letter.get("firstFailure").isNull()).isFalse();
        assertThat(latestStockouts(api, poisoned)).isNull();
        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.get("status").asString()).isEqualTo("DEAD_LETTERS");
        assertThat(health.get("components").get("projections").get("details").get("engagement-summary")
                .get("deadLetters").asLong()).isEqualTo(2);
        assertThat(api.get("/actuator/prometheus").body())
                .contains("engagement_projection_dead_letters{processor=\"engagement-summary\"} 2.0");
        assertThat(projectionsBehind(api)).isZero();

        // the cause fixed (here: the missing metric repaired in the read model), a retry catches up in order
        jdbc.update("""
                insert into engagement_metric (id, engagement_id, metric_id, position, name, unit, direction, baseline_value)
                values (?, ?, 'ghost', 2, 'Ghost', 'count', 'LOWER_IS_BETTER', 10)""", poisoned + "/ghost", poisoned);
        JsonNode retried = api.post("/api/admin/dead-letters/engagement-summary/" + poisoned + "/retry", "").json();
        assertThat(retried.get("handled").asBoolean()).isTrue();
        assertThat(retried.get("remaining").asLong()).isZero();
        assertThat(latestStockouts(api, poisoned)).isEqualTo("31");
        assertThat(api.get("/api/admin/dead-letters").json().size()).isZero();
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aValueTheDatabaseRefusesIsFoundAndSetAsideWhileTheOthersGoOn() {
        Api api = api();
        String poisoned = new LifecycleScenario(api).openAndStart();
        String healthy = new LifecycleScenario(api).openAndStart();
        new LifecycleScenario(api).awaitProjections();

        // 31 digits: beyond what the read models' numeric(38,12) columns hold; only a stored event can carry it
        append(poisoned, "stockouts", "1e30");
        recordAndSeeItWithin(api, healthy, "19", Duration.ofSeconds(15));

        JsonNode letters = await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/admin/dead-letters").json(), json -> json.size() == 2);
        for (JsonNode letter : letters) {
            assertThat(letter.get("engagementId").asString()).isEqualTo(poisoned);
            assertThat(letter.get("error").asString()).contains("the database refused this event's changes");
        }
        assertThat(letters.findValuesAsString("processor")).containsExactlyInAnyOrder("engagement-summary", "metric-series");
        await().atMost(Duration.ofSeconds(10)).until(() -> projectionsBehind(api) == 0);

        // the cause fixed (wider columns), every letter retried: both read models hold the value
        jdbc.execute("alter table engagement_metric alter column latest_value set data type numeric(50,12)");
        jdbc.execute("alter table metric_recording alter column recorded_value set data type numeric(50,12)");
        jdbc.execute("alter table metric_recording alter column original_value set data type numeric(50,12)");
        for (String processor : new String[]{"engagement-summary", "metric-series"}) {
            assertThat(api.post("/api/admin/dead-letters/" + processor + "/retry", "").json().get("remaining").asLong())
                    .isZero();
        }
        assertThat(latestStockouts(api, poisoned)).isEqualTo("1000000000000000000000000000000");
        assertThat(api.get("/api/engagements/" + poisoned + "/metrics/stockouts/series").json().get("points"))
                .hasSize(1);
    }

    /** An event stored behind the aggregate's back, as a bug or an old version might have stored it. */
    private void append(String engagementId, String metricId, String value) {
        transactions.executeWithoutResult(status -> {
            long next = jdbc.queryForObject("select max(sequence_number) + 1 from domain_event_entry where aggregate_identifier = ?",
                    Long.class, engagementId);
            eventStore.publish(new GenericDomainEventMessage<>("Engagement", engagementId, next,
                    new MetricRecordedEvent(new EngagementId(engagementId), new RecordingId(UUID.randomUUID().toString()),
                            new MetricId(metricId), new BigDecimal(value), "count", LocalDate.of(2026, 3, 1), "ERP", new PersonId("olivia"))));
        });
    }

    /** Records stock-outs on an engagement that has no dead letter, and waits until its summary shows them. */
    private static void recordAndSeeItWithin(Api api, String engagementId, String value, Duration patience) {
        assertThat(api.post("/api/engagements/" + engagementId + "/metrics/stockouts/recordings",
                recording(value, "2026-03-31")).status()).isEqualTo(201);
        await().atMost(patience).pollInterval(Duration.ofMillis(20))
                .until(() -> latestStockouts(api, engagementId), value::equals);
    }

    private static String latestStockouts(Api api, String engagementId) {
        JsonNode latest = api.get("/api/engagements/" + engagementId).json().get("metrics").get(0).get("latestValue");
        return latest.isNull() ? null : latest.asString();
    }

    private static long projectionsBehind(Api api) {
        return api.get("/api/admin/projections").json().valueStream().mapToLong(p -> p.get("behind").asLong()).sum();
    }
}
