package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The business in Prometheus, in a database of its own so that every figure is exact: engagements by
 * status, recordings and settlements, and per currency the gain shared, invoiced and paid; and the Grafana
 * dashboard's queries, checked against what the app exposes.
 */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:metrics;DB_CLOSE_DELAY=-1",
        "engagement.metrics.refresh=500ms"})
class DomainMetricsTest extends H2HttpTest {

    @Test
    void prometheusShowsWhatTheBusinessDid() {
        Api api = api();
        LifecycleScenario scenario = new LifecycleScenario(api);
        String id = scenario.openAndStart();
        String base = "/api/engagements/" + id;
        api.post(base + "/metrics/stockouts/recordings", recording("12", "2026-01-31"));
        String statement = api.post(base + "/settlements", period("2026-01-01", "2026-01-31")).json().get("id").asString();
        api.post(base + "/settlements/" + statement + "/confirmation", "");
        api.post(base + "/payments", "{\"amount\": {\"amount\": \"1000.00\", \"currency\": \"EUR\"}, \"reference\": \"advance\", "
                + "\"receivedOn\": \"2026-02-10\"}");
        scenario.awaitProjections();
        api.post("/api/billing/invoice-runs", "{\"month\": \"2026-04\"}");
        scenario.awaitProjections();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/actuator/prometheus").body())
                .contains("engagement_engagements{status=\"ACTIVE\"} 1.0")
                .contains("engagement_engagements{status=\"COMPLETED\"} 0.0")
                .contains("engagement_recordings_total 1.0")
                .contains("engagement_settlements_total 1.0")
                .contains("engagement_gain_shared{currency=\"EUR\"} 1400.0")
                // January 2612.90 + February to April 3 x 3000.00 + the statement 1400.00
                .contains("engagement_invoiced{currency=\"EUR\"} 13012.9")
                .contains("engagement_paid{currency=\"EUR\"} 1000.0"));
    }

    /**
     * Every metric the provisioned Grafana dashboard asks Prometheus for is one the app really exposes, once it has
     * handled commands, queries and events: a renamed meter cannot leave a panel silently empty.
     */
    @Test
    void theGrafanaDashboardAsksOnlyForMetricsTheAppExposes() throws Exception {
        Api api = api();
        LifecycleScenario scenario = new LifecycleScenario(api);
        String id = scenario.openAndStart();
        api.post("/api/engagements/" + id + "/metrics/stockouts/recordings", recording("31", "2026-01-31"));
        api.post("/api/engagements/" + id + "/start", "{\"on\": \"2026-01-05\"}"); // refused: a failed command is counted too
        scenario.awaitProjections();
        assertThat(api.get("/api/engagements/" + id).status()).isEqualTo(200);

        JsonNode dashboard = JsonMapper.shared().readTree(Files.readString(Path.of("..", "docker", "grafana", "dashboards",
                "engagement-tracker.json")));
        Set<String> asked = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                asked.addAll(metricNames(target.get("expr").asString()));
            }
        }
        assertThat(asked).contains("commandBus_successCounter_total", "engagement_queries_seconds",
                "engagement_projection_lag_seconds", "engagement_projection_dead_letters", "engagement_gain_shared",
                "engagement_projection_events_total");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Set<String> exposed = api.get("/actuator/prometheus").body().lines().filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
            assertThat(exposed).containsAll(asked);
        });
    }

    /**
     * The projections count what they handle in three counters each; Axon's per-event monitors, which timed every event
     * and looked meters up by payload type, are off on them.
     */
    @Test
    void eachProjectionCountsTheEventsItHandled() {
        Api api = api();
        LifecycleScenario scenario = new LifecycleScenario(api);
        String id = scenario.openAndStart();
        scenario.awaitProjections();
        double before = projectionEvents(api, "engagement-summary", "success");
        api.post("/api/engagements/" + id + "/metrics/stockouts/recordings", recording("31", "2026-01-31"));
        scenario.awaitProjections();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(projectionEvents(api, "engagement-summary", "success")).isEqualTo(before + 1));
        assertThat(api.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("eventProcessor_"))).isEmpty();
    }

    private static double projectionEvents(Api api, String processor, String outcome) {
        String series = "engagement_projection_events_total{outcome=\"" + outcome + "\",processor=\"" + processor + "\"}";
        return api.get("/actuator/prometheus").body().lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1))).findFirst().orElse(0);
    }

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "by", "without", "histogram_quantile", "topk");

    /** The metric names in a PromQL expression: what is left once label matchers, groupings and ranges are taken out. */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\\{[^}]*}", " ").replaceAll("(by|without)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ");
        Set<String> names = new TreeSet<>();
        Matcher word = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (word.find()) {
            if (!PROMQL_WORDS.contains(word.group())) {
                names.add(word.group());
            }
        }
        return names;
    }
}
