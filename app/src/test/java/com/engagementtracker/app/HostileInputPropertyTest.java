package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.assignment;
import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thousands of generated hostile requests across every POST and PUT endpoint: each is a valid request
 * with one thing broken (a field of the wrong type, a number too large, too small or in exponent form,
 * negative money, an unknown enum, an impossible date, an overlong or control-laden string, a missing or
 * an extra field, a wrong content type, broken JSON, a bad header). Every answer is a 4xx problem+json,
 * never a 5xx; the event store does not change; the projections stay caught up with no dead letters. The
 * valid originals are refused by the engagement's state, so a mutation that happened to be valid could
 * not store anything either.
 */
class HostileInputPropertyTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static List<Endpoint> endpoints;

    /** What a field holds; each kind has values that can never be valid for it. */
    enum Kind { DATE, MONEY, VALUE, PERCENT, SCORE, ENUM, ID, TEXT, REQUIRED_TEXT, BOOLEAN, CURRENCY, LIST }

    record Field(String path, Kind kind, int maxLength) {
    }

    record Endpoint(String method, String path, String body, List<Field> fields) {
    }

    record Hostile(Endpoint endpoint, String path, String contentType, String body, String header, String headerValue,
                   String description) {
        @Override
        public String toString() {
            return method() + " " + path + " (" + description + ")";
        }

        String method() {
            return endpoint.method();
        }
    }

    @BeforeContainer
    static void startTheApp() {
        app = new SpringApplicationBuilder(EngagementTrackerApplication.class).sources(TestClock.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:hostile;DB_CLOSE_DELAY=-1");
        api = new Api(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
        jdbc = app.getBean(JdbcTemplate.class);
        endpoints = endpoints();
    }

    @AfterContainer
    static void stopTheApp() {
        app.close();
    }

    /**
     * An active engagement with a settled and confirmed January, Ana assigned and payment INV-1 recorded, so
     * that the valid form of every request is refused by a rule; and a gain-share-only one for fee changes.
     */
    private static List<Endpoint> endpoints() {
        String e = "/api/engagements/" + new LifecycleScenario(api).openAndStart();
        api.post(e + "/assignments", assignment("ana", "Ana Lima", "PARTNER", "Porto University", "50"));
        String januaryRecording = api.post(e + "/metrics/stockouts/recordings", recording("12", "2026-01-31")).id();
        api.post(e + "/payments", "{\"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"reference\": \"INV-1\", \"receivedOn\": \"2026-02-01\"}");
        String s = e + "/settlements/" + api.post(e + "/settlements", period("2026-01-01", "2026-01-31")).json().get("id").asString();
        api.post(s + "/confirmation", "");
        String g = "/api/engagements/" + api.post("/api/engagements", LifecycleScenario.OPEN).id();
        api.put(g + "/terms", "{\"model\": \"GAIN_SHARE\", \"gainShare\": {\"sharePercent\": \"20\"}}");

        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("POST", "/api/engagements", LifecycleScenario.OPEN.replace("\"Inventory control\"", "\"x\"")
                .replace("2026-12-31", "2025-12-31"), List.of(
                new Field("customerId", Kind.REQUIRED_TEXT, 255), new Field("customerName", Kind.REQUIRED_TEXT, 255),
                new Field("title", Kind.REQUIRED_TEXT, 255), new Field("customerJob.description", Kind.REQUIRED_TEXT, 2000),
                new Field("customerJob.importance", Kind.SCORE, 0), new Field("customerJob.painSeverity", Kind.SCORE, 0),
                new Field("customerJob.gainRelevance", Kind.SCORE, 0), new Field("plannedStart", Kind.DATE, 0),
                new Field("currency", Kind.CURRENCY, 0), new Field("owner", Kind.TEXT, 255))));
        all.add(new Endpoint("PUT", e + "/terms", """
                {"model": "HYBRID", "subscription": {"monthlyFee": {"amount": "3000.00", "currency": "EUR"}},
                 "gainShare": {"sharePercent": "20", "hurdle": {"amount": "100.00", "currency": "EUR"},
                               "periodCap": {"amount": "5000.00", "currency": "EUR"}, "carryForwardLosses": true}}""",
                List.of(new Field("model", Kind.ENUM, 0), new Field("subscription.monthlyFee", Kind.MONEY, 0),
                        new Field("gainShare.sharePercent", Kind.PERCENT, 0), new Field("gainShare.hurdle", Kind.MONEY, 0),
                        new Field("gainShare.periodCap", Kind.MONEY, 0), new Field("gainShare.carryForwardLosses", Kind.BOOLEAN, 0))));
        all.add(new Endpoint("POST", e + "/baseline", LifecycleScenario.BASELINE, List.of(
                new Field("metrics", Kind.LIST, 0), new Field("metrics.0.metricId", Kind.ID, 0),
                new Field("metrics.0.name", Kind.REQUIRED_TEXT, 255), new Field("metrics.0.unit", Kind.REQUIRED_TEXT, 64),
                new Field("metrics.0.direction", Kind.ENUM, 0), new Field("metrics.0.baselineValue", Kind.VALUE, 0),
                new Field("metrics.0.baselineFrom", Kind.DATE, 0), new Field("metrics.0.source", Kind.TEXT, 255),
                new Field("metrics.0.aggregation", Kind.ENUM, 0), new Field("metrics.0.valuePerUnit", Kind.MONEY, 0))));
        all.add(new Endpoint("POST", e + "/baseline/adjustments",
                "{\"metricId\": \"stockouts\", \"baselineValue\": \"41\", \"reason\": \"recount\"}", List.of(
                new Field("metricId", Kind.ID, 0), new Field("baselineValue", Kind.VALUE, 0),
                new Field("reason", Kind.REQUIRED_TEXT, 2000))));
        all.add(new Endpoint("POST", e + "/assignments", assignment("ana", "Ana Lima", "PARTNER", "Porto University", "20"),
                List.of(new Field("personId", Kind.ID, 0), new Field("displayName", Kind.REQUIRED_TEXT, 255),
                        new Field("organisationKind", Kind.ENUM, 0), new Field("organisationName", Kind.REQUIRED_TEXT, 255),
                        new Field("role", Kind.REQUIRED_TEXT, 255), new Field("allocationPercent", Kind.PERCENT, 0),
                        new Field("from", Kind.DATE, 0), new Field("to", Kind.DATE, 0))));
        all.add(new Endpoint("POST", e + "/assignments/zoe/release", "{\"on\": \"2026-02-01\"}",
                List.of(new Field("on", Kind.DATE, 0))));
        all.add(new Endpoint("POST", e + "/start", "{\"on\": \"2026-01-06\"}", List.of(new Field("on", Kind.DATE, 0))));
        all.add(new Endpoint("POST", e + "/metrics/stockouts/recordings", recording("3", "2026-01-20"), List.of(
                new Field("value", Kind.VALUE, 0), new Field("date", Kind.DATE, 0), new Field("source", Kind.TEXT, 255),
                new Field("recordedBy", Kind.TEXT, 255))));
        all.add(new Endpoint("POST", e + "/metrics/stockouts/recordings/" + januaryRecording + "/corrections",
                "{\"value\": \"3\", \"reason\": \"typo\"}", List.of(new Field("value", Kind.VALUE, 0),
                new Field("reason", Kind.REQUIRED_TEXT, 2000))));
        all.add(new Endpoint("POST", e + "/settlements", period("2026-01-01", "2026-01-31"), List.of(
                new Field("periodStart", Kind.DATE, 0), new Field("periodEnd", Kind.DATE, 0))));
        all.add(new Endpoint("POST", s + "/confirmation", "{}", List.of()));
        all.add(new Endpoint("POST", s + "/dispute", "{\"reason\": \"no work seen\"}",
                List.of(new Field("reason", Kind.REQUIRED_TEXT, 2000))));
        all.add(new Endpoint("POST", s + "/resolution",
                "{\"supplierShare\": {\"amount\": \"100.00\", \"currency\": \"EUR\"}, \"note\": \"agreed\"}", List.of(
                new Field("supplierShare", Kind.MONEY, 0), new Field("note", Kind.REQUIRED_TEXT, 2000))));
        all.add(new Endpoint("POST", g + "/subscription/fee-changes",
                "{\"monthlyFee\": {\"amount\": \"3500.00\", \"currency\": \"EUR\"}, \"effectiveFrom\": \"2026-03-15\"}",
                List.of(new Field("monthlyFee", Kind.MONEY, 0), new Field("effectiveFrom", Kind.DATE, 0))));
        all.add(new Endpoint("POST", e + "/payments",
                "{\"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"reference\": \"INV-1\", \"receivedOn\": \"2026-02-01\"}",
                List.of(new Field("amount", Kind.MONEY, 0), new Field("reference", Kind.REQUIRED_TEXT, 255),
                        new Field("receivedOn", Kind.DATE, 0))));
        all.add(new Endpoint("POST", e + "/completion", "{\"on\": \"2026-01-04\", \"summary\": \"done\"}", List.of(
                new Field("on", Kind.DATE, 0), new Field("summary", Kind.REQUIRED_TEXT, 10000))));
        all.add(new Endpoint("POST", e + "/cancellation", "{\"on\": \"2026-01-04\", \"reason\": \"merger\"}", List.of(
                new Field("on", Kind.DATE, 0), new Field("reason", Kind.REQUIRED_TEXT, 2000))));
        return all;
    }

    @Property(tries = 1500)
    void everyHostileRequestIsRefusedWithAProblemAndStoresNothing(@ForAll("hostileRequests") Hostile request)
            throws Exception {
        long events = events();
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + request.path()))
                .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
        http.header("Authorization", Api.basic(Api.userFor(request.method(), request.path())));
        if (request.contentType() != null) {
            http.header("Content-Type", request.contentType());
        }
        if (request.header() != null) {
            http.header(request.header(), request.headerValue());
        }
        HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.JSON.readTree(response.body()).get("detail").asString()).isNotBlank();
        assertThat(events()).isEqualTo(events);
        assertThat(api.get("/api/admin/dead-letters").json().size()).isZero();
        assertThat(api.get("/api/admin/projections").json().valueStream()
                .allMatch(p -> p.get("running").asBoolean() && !p.get("replaying").asBoolean())).isTrue();
    }

    @Provide
    Arbitrary<Hostile> hostileRequests() {
        Arbitrary<Endpoint> endpoint = Arbitraries.of(endpoints);
        return endpoint.flatMap(e -> Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, fieldMutation(e)),
                net.jqwik.api.Tuple.of(2, missingField(e)),
                net.jqwik.api.Tuple.of(2, extraField(e)),
                net.jqwik.api.Tuple.of(2, wrongContentType(e)),
                net.jqwik.api.Tuple.of(2, brokenJson(e)),
                net.jqwik.api.Tuple.of(1, badIdempotencyKey(e))));
    }

    private static Arbitrary<Hostile> fieldMutation(Endpoint e) {
        if (e.fields().isEmpty()) {
            return extraField(e);
        }
        return Arbitraries.of(e.fields()).flatMap(field -> hostileValues(field).map(value -> {
            ObjectNode body = (ObjectNode) Api.JSON.readTree(e.body());
            set(body, field.path(), value);
            return json(e, body.toString(), field.path() + " = " + abbreviate(value));
        }));
    }

    private static Arbitrary<Hostile> missingField(Endpoint e) {
        List<Field> required = e.fields().stream().filter(f -> f.kind() != Kind.TEXT).toList();
        if (required.isEmpty()) {
            return brokenJson(e);
        }
        return Arbitraries.of(required).map(field -> {
            ObjectNode body = (ObjectNode) Api.JSON.readTree(e.body());
            remove(body, field.path());
            return json(e, body.toString(), "without " + field.path());
        });
    }

    private static Arbitrary<Hostile> extraField(Endpoint e) {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(name -> {
            ObjectNode body = (ObjectNode) Api.JSON.readTree(e.body());
            body.put("unknown" + name, "surprise");
            return json(e, body.toString(), "extra field unknown" + name);
        });
    }

    private static Arbitrary<Hostile> wrongContentType(Endpoint e) {
        return Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/csv")
                .map(type -> new Hostile(e, e.path(), type, e.body(), null, null, "sent as " + type));
    }

    private static Arbitrary<Hostile> brokenJson(Endpoint e) {
        return Arbitraries.integers().between(1, Math.max(1, e.body().length() - 1))
                .map(cut -> json(e, e.body().substring(0, cut) + (cut % 2 == 0 ? "" : "}}]"), "cut at " + cut));
    }

    private static Arbitrary<Hostile> badIdempotencyKey(Endpoint e) {
        return Arbitraries.of("", " ", "k".repeat(256))
                .map(key -> new Hostile(e, e.path(), "application/json", e.body(), "Idempotency-Key", key,
                        "Idempotency-Key of " + key.length() + " characters"));
    }

    private static Hostile json(Endpoint e, String body, String description) {
        return new Hostile(e, e.path(), "application/json", body, null, null, description);
    }

    /** Values that no field of the kind may hold, plus the wrong JSON types. */
    private static Arbitrary<JsonNode> hostileValues(Field field) {
        Arbitrary<JsonNode> wrongTypes = Arbitraries.of(NODES.objectNode().put("nested", 1), NODES.arrayNode().add(1));
        Arbitrary<JsonNode> specific = switch (field.kind()) {
            case DATE -> either(strings("2026-02-30", "2026-13-01", "0000-00-00", "+999999-01-01", "1999-12-31", "2100-01-01",
                    "yesterday", "", "2026-1-5", "05/01/2026"), NODES.numberNode(20260105), NODES.booleanNode(true));
            case MONEY -> either(Combinators.combine(
                    Arbitraries.of("1e999999999", "-1e400", "10.001", "1e-999999999", "NaN", "Infinity", "", "12,50",
                            "1E+2147483647", "-1E+2147483647", "1E-2147483647", "1E-2147483648",
                            "1000000000000000", "0x10", "--5"),
                    Arbitraries.of("EUR", "EURO", "eur", "", "XY1")).as((amount, currency) -> (JsonNode) NODES.objectNode()
                    .put("amount", amount).put("currency", currency))
                    .filter(money -> !money.get("currency").asString().equals("EUR") || !money.get("amount").asString().matches("-?\\d+(\\.\\d\\d?)?")),
                    NODES.stringNode("100.00"), NODES.numberNode(100), NODES.objectNode().put("amount", "1.00"),
                    NODES.objectNode().put("amount", "1.00").put("currency", "USD"),
                    NODES.objectNode().put("amount", "-100.00").put("currency", "EUR"));
            case VALUE -> strings("1e-999999999", "1e400", "-1e16", "1E+2147483647", "-1E+2147483647", "1E-2147483647",
                    "1E-2147483648", "1234567890123456", "0.0000001", "NaN", "Infinity",
                    "twelve", "", "1,5", "9".repeat(5000));
            case PERCENT -> strings("-1", "0", "100.01", "1e3", "NaN", "50.123", "", "0.5", "-0", "1e-999999999",
                    "1E+2147483647", "-1E+2147483647", "1E-2147483647");
            case SCORE -> Arbitraries.of(NODES.numberNode(0), NODES.numberNode(6), NODES.numberNode(-1),
                    NODES.stringNode("five"), NODES.numberNode(99999999999L), NODES.numberNode(new java.math.BigDecimal("1e10")));
            case ENUM -> either(strings("BARTER", "", "subscription", "HYBRID ", "ÄÖÜ"), NODES.numberNode(1));
            case ID -> strings("Stock Outs", "", "x".repeat(65), "ÄÖ", "../etc", "a\u0000b", "UPPER");
            case TEXT -> strings("x".repeat(field.maxLength() + 1), "a\u0000b", "bell\u0007", "x".repeat(70000));
            case REQUIRED_TEXT -> strings("x".repeat(field.maxLength() + 1), "a\u0000b", "", "   ", "esc\u001b[31m");
            case BOOLEAN -> strings("maybe", "", "yes please");
            case CURRENCY -> strings("EURO", "eur", "", "XY1", "€");
            case LIST -> Arbitraries.of(NODES.arrayNode(), NODES.stringNode("not a list"), hundredAndOneMetrics());
        };
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, specific), net.jqwik.api.Tuple.of(1, wrongTypes));
    }

    private static Arbitrary<JsonNode> either(Arbitrary<JsonNode> generated, JsonNode... more) {
        return Arbitraries.oneOf(generated, Arbitraries.of(more));
    }

    private static Arbitrary<JsonNode> strings(String... values) {
        return Arbitraries.of(values).map(NODES::stringNode);
    }

    private static JsonNode hundredAndOneMetrics() {
        ArrayNode metrics = NODES.arrayNode();
        JsonNode one = Api.JSON.readTree(LifecycleScenario.BASELINE).get("metrics").get(0);
        for (int i = 0; i < 101; i++) {
            metrics.add(((ObjectNode) one.deepCopy()).put("metricId", "m" + i));
        }
        return metrics;
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode parent = body;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].matches("\\d+") ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        ((ObjectNode) parent).set(steps[steps.length - 1], value);
    }

    private static void remove(ObjectNode body, String path) {
        String[] steps = path.split("\\.");
        JsonNode parent = body;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].matches("\\d+") ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        ((ObjectNode) parent).remove(steps[steps.length - 1]);
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "… (" + text.length() + " characters)" : text;
    }

    private static int port() {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

}
