package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The right to be forgotten in an event store kept for ever: events carry person ids, names live in the
 * person directory, and forgetting a person erases the name there. Every fact, allocation and money
 * figure stays; every reader, and every read model rebuilt afterwards, shows "former participant".
 */
class ForgetPersonTest extends H2HttpTest {

    @Test
    void forgettingAPersonErasesTheNameAndKeepsEveryFactAndFigure() {
        Api api = api();
        LifecycleScenario scenario = new LifecycleScenario(api);
        String id = scenario.run();
        scenario.awaitProjections();
        JsonNode before = api.get("/api/engagements/" + id).json();
        String ana = before.get("people").get(0).get("personId").asString();
        assertThat(before.get("people").get(0).get("displayName").asString()).isEqualTo("Ana Lima");
        String allocations = api.get("/api/people/" + ana + "/allocations").body();
        assertThat(stored("Ana Lima")).as("the name is in no stored event").isZero();

        assertThat(api.post("/api/people/" + ana + "/forget", "").status()).isEqualTo(204);

        JsonNode after = api.get("/api/engagements/" + id).json();
        assertThat(after.get("people").get(0).get("displayName").asString()).isEqualTo("former participant");
        assertThat(after.get("people").get(0).get("allocationPercent").asString()).isEqualTo("50");
        assertThat(after.get("people").get(1).get("displayName").asString()).isEqualTo("Ben Okafor");
        for (String figure : new String[]{"gainToDate", "billedToDate", "paidToDate", "outstanding"}) {
            assertThat(after.get(figure)).as(figure).isEqualTo(before.get(figure));
        }
        assertThat(api.get("/api/people/" + ana + "/allocations").body()).isEqualTo(allocations);
        Map<String, Object> entry = jdbc.queryForMap("select display_name, forgotten_at from person_directory where person_id = ?", ana);
        assertThat(entry.get("display_name")).isNull();
        assertThat(entry.get("forgotten_at")).isNotNull();
        assertThat(stored("Ana Lima")).isZero();

        Map<String, String> forgotten = ReadModels.everyAnswer(api);
        ReadModels.rebuildAll(api);
        assertThat(ReadModels.everyAnswer(api)).isEqualTo(forgotten);
        assertThat(api.get("/api/engagements/" + id).json().get("people").get(0).get("displayName").asString())
                .isEqualTo("former participant");

        assertThat(api.post("/api/people/" + ana + "/forget", "").status()).as("forgetting twice").isEqualTo(204);
        Api.Response unknown = api.post("/api/people/nobody-here/forget", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("PERSON_NOT_FOUND");
    }

    private long stored(String text) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where utf8tostring(payload) like ? or utf8tostring(meta_data) like ?""", Long.class,
                "%" + text + "%", "%" + text + "%");
    }
}
