package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

    @Test
    void rebuildsOneProjectionAlone() {
        Api api = api();
        new LifecycleScenario(api).openAndStart();
        new LifecycleScenario(api).awaitProjections();
        Map<String, String> before = ReadModels.everyAnswer(api);

        var response = api.post("/api/admin/projections/billing/rebuild", "");
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("name").asString()).isEqualTo("billing");
        ReadModels.awaitCaughtUp(api, Duration.ofSeconds(30));

        assertThat(ReadModels.everyAnswer(api)).isEqualTo(before);
        assertThat(api.post("/api/admin/projections/nonsense/rebuild", "").status()).isEqualTo(404);
    }
}
