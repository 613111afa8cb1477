package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
        Map<String, String> before = everyAnswer(api);

        assertThat(api.post("/api/admin/projections/rebuild", "").status()).isEqualTo(202);
        awaitRebuilt(api);

        assertThat(everyAnswer(api)).isEqualTo(before);
    }

    @Test
    void rebuildsOneProjectionAlone() {
        Api api = api();
        new LifecycleScenario(api).openAndStart();
        new LifecycleScenario(api).awaitProjections();
        Map<String, String> before = everyAnswer(api);

        var response = api.post("/api/admin/projections/billing/rebuild", "");
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("name").asString()).isEqualTo("billing");
        awaitRebuilt(api);

        assertThat(everyAnswer(api)).isEqualTo(before);
        assertThat(api.post("/api/admin/projections/nonsense/rebuild", "").status()).isEqualTo(404);
    }

    private static void awaitRebuilt(Api api) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/admin/projections").json(), projections -> projections.valueStream()
                        .allMatch(p -> p.get("running").asBoolean() && !p.get("replaying").asBoolean()
                                && p.get("behind").asLong() == 0));
    }

    /** The answer to every query of the API, for every engagement, metric and person there is. */
    private static Map<String, String> everyAnswer(Api api) {
        Map<String, String> answers = new LinkedHashMap<>();
        TreeSet<String> people = new TreeSet<>();
        JsonNode page = api.get("/api/engagements?size=100").json();
        answers.put("list", page.toString());
        for (JsonNode engagement : page.get("content")) {
            String base = "/api/engagements/" + engagement.get("id").asString();
            for (String path : new String[]{base, base + "/statements", base + "/charges"}) {
                answers.put(path, api.get(path).body());
            }
            for (JsonNode metric : engagement.get("metrics")) {
                String series = base + "/metrics/" + metric.get("metricId").asString() + "/series";
                answers.put(series, api.get(series).body());
            }
            engagement.get("people").forEach(person -> people.add(person.get("personId").asString()));
        }
        for (String person : people) {
            String path = "/api/people/" + person + "/allocations";
            answers.put(path, api.get(path).body());
        }
        for (String path : new String[]{"/api/billing/reconciliation", "/api/billing/reconciliation.csv",
                "/api/billing/totals"}) {
            answers.put(path, api.get(path).body());
        }
        assertThat(answers).hasSizeGreaterThanOrEqualTo(9);   // at least one engagement, its metrics and billing
        return answers;
    }
}
