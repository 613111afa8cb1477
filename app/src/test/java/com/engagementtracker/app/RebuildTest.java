package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Any read model can be thrown away and rebuilt from the events with an identical result: every answer
 * of every query is the same, to the character, before and after.
 */
class RebuildTest extends H2HttpTest {

    @Test
    void rebuildingEveryProjectionFromTheEventsGivesIdenticalReadModels() {
        Api api = api();
        LifecycleScenario scenario = new LifecycleScenario(api);
        scenario.run();
        scenario.awaitProjections();
        Map<String, String> before = ReadModels.everyAnswer(api);

        ReadModels.rebuildAll(api);

        assertThat(ReadModels.everyAnswer(api)).isEqualTo(before);
    }

    /** Each projection keeps the tables it reads, so rebuilding any one of them alone changes no answer. */
    @Test
    void rebuildsEachProjectionAlone() {
        Api api = api();
        LifecycleScenario scenario = new LifecycleScenario(api);
        String id = scenario.run();
        assertThat(api.post("/api/billing/invoice-runs", "{\"month\": \"2026-05\"}").status()).isEqualTo(200);
        scenario.awaitProjections();
        assertThat(api.get("/api/engagements/" + id + "/invoices").json()).isNotEmpty();
        Map<String, String> before = ReadModels.everyAnswer(api);

        List<String> projections = api.get("/api/admin/projections").json().findValuesAsString("name");
        assertThat(projections).containsExactly("engagement-summary", "metric-series", "billing", "invoices");
        for (String projection : projections) {
            Map<String, Double> handledBefore = handled(api);
            var response = api.post("/api/admin/projections/" + projection + "/rebuild", "");
            assertThat(response.status()).isEqualTo(202);
            assertThat(response.json().get("name").asString()).isEqualTo(projection);
            ReadModels.awaitCaughtUp(api, Duration.ofSeconds(30));
            assertThat(ReadModels.everyAnswer(api)).as("after rebuilding " + projection + " alone").isEqualTo(before);
            // the read models share one stream of events: the others skip the replayed ones, handle none twice, set none aside
            Map<String, Double> handledAfter = handled(api);
            for (String other : projections) {
                if (other.equals(projection)) {
                    assertThat(handledAfter.get(other)).as("events " + other + " handled again").isGreaterThan(handledBefore.get(other));
                } else {
                    assertThat(handledAfter.get(other)).as("events " + other + " handled while " + projection + " was rebuilt")
                            .isEqualTo(handledBefore.get(other));
                }
            }
            assertThat(api.get("/api/admin/dead-letters").json().isEmpty()).as("no dead letters").isTrue();
        }
        assertThat(api.post("/api/admin/projections/nonsense/rebuild", "").status()).isEqualTo(404);
    }

    /** Events each read model handled, whatever the outcome ({@code engagement_projection_events_total}). */
    private static Map<String, Double> handled(Api api) {
        Map<String, Double> handled = new HashMap<>();
        Matcher counter = Pattern.compile("(?m)^engagement_projection_events_total\\{outcome=\"\\w+\",processor=\"([\\w-]+)\"} (\\S+)$")
                .matcher(api.as("admin").get("/actuator/prometheus").body());
        while (counter.find()) {
            handled.merge(counter.group(1), Double.parseDouble(counter.group(2)), Double::sum);
        }
        return handled;
    }
}
