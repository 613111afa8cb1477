package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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
            var response = api.post("/api/admin/projections/" + projection + "/rebuild", "");
            assertThat(response.status()).isEqualTo(202);
            assertThat(response.json().get("name").asString()).isEqualTo(projection);
            ReadModels.awaitCaughtUp(api, Duration.ofSeconds(30));
            assertThat(ReadModels.everyAnswer(api)).as("after rebuilding " + projection + " alone").isEqualTo(before);
        }
        assertThat(api.post("/api/admin/projections/nonsense/rebuild", "").status()).isEqualTo(404);
    }
}
