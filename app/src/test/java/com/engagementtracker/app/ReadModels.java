package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** What the read side answers, as a client sees it: used to compare read models before and after an ordeal. */
final class ReadModels {

    private ReadModels() {
    }

    /**
     * Waits until every projection runs (here, or on the query services a web-only node sends its queries to: then
     * every segment has an owner), replays nothing, and has handled every stored event.
     */
    static void awaitCaughtUp(Api api, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/admin/projections").json(), projections -> projections.valueStream()
                        .allMatch(p -> (p.get("running").asBoolean() || runElsewhere(p)) && !p.get("replaying").asBoolean()
                                && p.get("behind").asLong() == 0));
    }

    private static boolean runElsewhere(JsonNode projection) {
        return !projection.get("segments").isEmpty()
                && projection.get("segments").valueStream().allMatch(segment -> segment.hasNonNull("owner"));
    }

    /** Throws every read model away, replays the event store into them, and waits until they have caught up. */
    static void rebuildAll(Api api) {
        assertThat(api.post("/api/admin/projections/rebuild", "").status()).isEqualTo(202);
        awaitCaughtUp(api, Duration.ofSeconds(60));
    }

    /** The answer to every query of the API, for every engagement, metric and person there is. */
    static Map<String, String> everyAnswer(Api api) {
        Map<String, String> answers = new LinkedHashMap<>();
        TreeSet<String> people = new TreeSet<>();
        JsonNode page = api.get("/api/engagements?size=100").json();
        answers.put("list", page.toString());
        for (JsonNode engagement : page.get("content")) {
            String base = "/api/engagements/" + engagement.get("id").asString();
            for (String path : new String[]{base, base + "/statements", base + "/charges", base + "/history"}) {
                answers.put(path, api.get(path).body());
            }
            JsonNode invoices = api.get(base + "/invoices").json();
            answers.put(base + "/invoices", invoices.toString());
            for (JsonNode invoice : invoices) {
                String path = "/api/invoices/" + invoice.get("id").asString();
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
                "/api/billing/totals", "/api/billing/aging", "/api/billing/aging.csv"}) {
            answers.put(path, api.get(path).body());
        }
        assertThat(answers).hasSizeGreaterThanOrEqualTo(9);   // at least one engagement, its metrics and billing
        return answers;
    }
}
