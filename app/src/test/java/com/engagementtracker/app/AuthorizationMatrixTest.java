package com.engagementtracker.app;

import static com.engagementtracker.app.LifecycleScenario.period;
import static com.engagementtracker.app.LifecycleScenario.recording;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the API times every kind of caller: anonymous (401), each role (403 where it may not),
 * the engagement's own customer, and another customer (404, exactly as for an engagement that does not
 * exist). The same for every page. The endpoints and pages come from the controllers' mappings, so a new one
 * without a rule here fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends H2HttpTest {

    private static final String TEAM = "account-team";
    private static final String FINANCE = "finance";
    private static final String ADMIN = "admin";
    private static final String OWNER = "customer-acme";
    private static final String OTHER = "customer-globex";
    private static final Set<String> ENGAGEMENT_READERS = Set.of(TEAM, FINANCE, OWNER);

    /** Who may call each endpoint; a customer only on its own engagements. */
    private static final Map<String, Set<String>> RULES = Map.ofEntries(
            entry("POST /api/engagements", Set.of(TEAM)),
            entry("PUT /api/engagements/{id}/terms", Set.of(TEAM)),
            entry("PUT /api/engagements/{id}/plan", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/baseline", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/baseline/adjustments", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/assignments", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/assignments/{personId}/release", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/start", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/metrics/{metricId}/recordings", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/recordings/batch", Set.of(TEAM)),
            entry("POST /api/imports/recordings", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/metrics/{metricId}/recordings/{recordingId}/corrections", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/settlements", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/settlements/{statementId}/confirmation", Set.of(TEAM, OWNER)),
            entry("POST /api/engagements/{id}/settlements/{statementId}/dispute", Set.of(TEAM, OWNER)),
            entry("POST /api/engagements/{id}/settlements/{statementId}/resolution", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/simulations", Set.of(TEAM, OWNER)),
            entry("GET /api/engagements/{id}/margin", Set.of(TEAM, FINANCE)),
            entry("GET /api/billing/margin", Set.of(FINANCE)),
            entry("POST /api/engagements/{id}/subscription/fee-changes", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/payments", Set.of(FINANCE)),
            entry("POST /api/engagements/{id}/completion", Set.of(TEAM)),
            entry("POST /api/engagements/{id}/cancellation", Set.of(TEAM)),
            entry("GET /api/engagements", ENGAGEMENT_READERS),
            entry("GET /api/engagements/{id}", ENGAGEMENT_READERS),
            entry("GET /api/engagements/{id}/metrics/{metricId}/series", ENGAGEMENT_READERS),
            entry("GET /api/engagements/{id}/statements", ENGAGEMENT_READERS),
            entry("GET /api/engagements/{id}/statements/{statementId}", ENGAGEMENT_READERS),
            entry("GET /api/engagements/{id}/statements/{statementId}/evidence", ENGAGEMENT_READERS),
            entry("GET /api/engagements/{id}/charges", ENGAGEMENT_READERS),
            entry("GET /api/engagements/{id}/history", ENGAGEMENT_READERS),
            entry("GET /api/billing/reconciliation", Set.of(FINANCE)),
            entry("GET /api/billing/reconciliation.csv", Set.of(FINANCE)),
            entry("GET /api/billing/totals", Set.of(FINANCE)),
            entry("POST /api/billing/invoice-runs", Set.of(FINANCE)),
            entry("GET /api/billing/aging", Set.of(FINANCE)),
            entry("GET /api/billing/aging.csv", Set.of(FINANCE)),
            entry("GET /api/engagements/{id}/invoices", ENGAGEMENT_READERS),
            entry("GET /api/invoices/{invoiceId}", ENGAGEMENT_READERS),
            entry("GET /api/invoices/{invoiceId}.pdf", ENGAGEMENT_READERS),
            entry("GET /api/people/{personId}/allocations", Set.of(TEAM)),
            entry("POST /api/people/{personId}/forget", Set.of(TEAM)),
            entry("GET /api/admin/projections", Set.of(ADMIN)),
            entry("POST /api/admin/projections/{name}/rebuild", Set.of(ADMIN)),
            entry("POST /api/admin/projections/rebuild", Set.of(ADMIN)),
            entry("GET /api/admin/dead-letters", Set.of(ADMIN)),
            entry("POST /api/admin/dead-letters/{processor}/{engagementId}/retry", Set.of(ADMIN)),
            entry("POST /api/admin/dead-letters/{processor}/retry", Set.of(ADMIN)),
            entry("DELETE /api/admin/dead-letters/{processor}/{engagementId}", Set.of(ADMIN)),
            entry("GET /api/admin/event-store/export", Set.of(ADMIN)));

    /** Open to anyone, signed in or not: what an auditor needs to check an evidence pack. */
    private static final Set<String> OPEN_ENDPOINTS = Set.of("GET /api/evidence/public-key");

    private static final Set<String> STAFF = Set.of(TEAM, FINANCE);
    private static final Set<String> PORTAL_READERS = Set.of(TEAM, FINANCE, OWNER);
    private static final Set<String> EVERYONE = Set.of(TEAM, FINANCE, ADMIN, OWNER, OTHER);
    /** A page form: the page takes any signed-in user, then forwards to the API, whose rule above decides. */
    private static final Set<String> AS_THE_API = Set.of();
    /** The API's documentation: open to anyone, signed in or not. */
    private static final Set<String> OPEN = Set.of("anyone");

    /** Who may open each page; a customer only its own engagements. Anonymous visitors go to the login page. */
    private static final Map<String, Set<String>> PAGES = Map.ofEntries(
            entry("GET /", EVERYONE),
            entry("GET /portal", Set.of(TEAM, FINANCE, OWNER, OTHER)),
            entry("GET /portal/engagements/{id}", PORTAL_READERS),
            entry("GET /portal/engagements/{id}/live", PORTAL_READERS),
            entry("GET /engagements", STAFF),
            entry("GET /engagements/{id}", STAFF),
            entry("GET /engagements/{id}/live", STAFF),
            entry("GET /billing/reconciliation", Set.of(FINANCE)),
            entry("GET /billing/reconciliation.csv", Set.of(FINANCE)),
            entry("GET /billing/aging.csv", Set.of(FINANCE)),
            entry("GET /engagements/{id}/invoices/{invoiceId}.pdf", STAFF),
            entry("GET /portal/engagements/{id}/invoices/{invoiceId}.pdf", PORTAL_READERS),
            entry("GET /engagements/{id}/statements/{statementId}/evidence.zip", STAFF),
            entry("GET /portal/engagements/{id}/statements/{statementId}/evidence.zip", PORTAL_READERS),
            entry("POST /billing/invoice-runs", AS_THE_API),
            entry("POST /engagements", AS_THE_API),
            entry("POST /engagements/**", AS_THE_API),
            entry("POST /engagements/{id}/recordings/import", AS_THE_API),
            entry("POST /people/*/forget", AS_THE_API),
            entry("GET /swagger-ui.html", OPEN),
            entry("GET /v3/api-docs", OPEN),
            entry("GET /v3/api-docs.yaml", OPEN),
            entry("GET /v3/api-docs/swagger-config", OPEN));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Map<String, String> ids;

    @BeforeAll
    void anEngagementOfAcmeWithEverythingToPointAt() {
        Api api = api();
        String id = api.post("/api/engagements", LifecycleScenario.OPEN.replace("acme-", "acme")).id();
        String base = "/api/engagements/" + id;
        api.put(base + "/terms", LifecycleScenario.HYBRID_TERMS);
        api.post(base + "/baseline", LifecycleScenario.BASELINE);
        api.post(base + "/start", "{\"on\": \"2026-01-05\"}");
        api.post(base + "/assignments", LifecycleScenario.assignment("matrix-ana", "Ana Lima", "PARTNER", "Porto University", "50"));
        String recordingId = api.post(base + "/metrics/stockouts/recordings", recording("30", "2026-02-10")).id();
        String statementId = api.post(base + "/settlements", period("2026-01-01", "2026-01-31")).json().get("id").asString();
        new LifecycleScenario(api).awaitSummary(id, "ACTIVE");
        assertThat(api.post("/api/billing/invoice-runs", "{\"month\": \"2026-05\"}").status()).isEqualTo(200);
        String invoiceId = api.get(base + "/invoices").json().get(0).get("id").asString();
        assertThat(api.get(base).json().get("customerId").asString()).isEqualTo("acme");
        ids = Map.of("{id}", id, "{engagementId}", id, "{metricId}", "stockouts", "{recordingId}", recordingId,
                "{statementId}", statementId, "{personId}", "matrix-ana", "{name}", "billing", "{processor}", "billing",
                "{invoiceId}", invoiceId);
    }

    @AfterAll
    void projectionsBackToRest() {
        ReadModels.awaitCaughtUp(api(), Duration.ofSeconds(60));
    }

    @Test
    void everyEndpointHasARule() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getMethodsCondition().getMethods().forEach(verb ->
                info.getPathPatternsCondition().getPatternValues().stream().filter(path -> path.startsWith("/api/"))
                        .forEach(path -> endpoints.add(verb.name() + " " + path))));
        Set<String> ruled = new TreeSet<>(RULES.keySet());
        ruled.addAll(OPEN_ENDPOINTS);
        assertThat(endpoints).as("endpoints of the controllers").isEqualTo(ruled);
        Set<String> pages = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getMethodsCondition().getMethods().forEach(verb ->
                info.getPathPatternsCondition().getPatternValues().stream()
                        .filter(path -> !path.startsWith("/api/") && !path.equals("/error"))
                        .forEach(path -> pages.add(verb.name() + " " + path))));
        assertThat(pages).as("pages of the controllers").isEqualTo(new TreeSet<>(PAGES.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> everyPageOpensOnlyForItsReaders() {
        List<DynamicTest> cells = new ArrayList<>();
        for (var rule : new java.util.TreeMap<>(PAGES).entrySet()) {
            if (rule.getValue() == AS_THE_API) {
                continue;
            }
            String path = path(rule.getKey().substring("GET ".length()));
            if (rule.getValue() == OPEN) {
                cells.add(DynamicTest.dynamicTest(rule.getKey() + " anonymous",
                        () -> assertThat(open(null, path).statusCode()).isIn(200, 302)));
                continue;
            }
            cells.add(DynamicTest.dynamicTest(rule.getKey() + " anonymous", () -> {
                HttpResponse<InputStream> answer = open(null, path);
                assertThat(answer.statusCode()).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
            }));
            for (String caller : List.of(TEAM, FINANCE, ADMIN, OWNER, OTHER)) {
                cells.add(DynamicTest.dynamicTest(rule.getKey() + " as " + caller, () -> {
                    int status = open(caller, path).statusCode();
                    if (caller.equals(OTHER) && PORTAL_READERS.equals(rule.getValue())) {
                        assertThat(status).as("another customer's engagement does not exist").isEqualTo(404);
                    } else if (rule.getValue().contains(caller)) {
                        assertThat(status).isIn(200, 302);
                    } else {
                        assertThat(status).isEqualTo(403);
                    }
                }));
            }
        }
        return cells.stream();
    }

    @Test
    void aPageFormIsDecidedByTheApisRule() throws Exception {
        String engagement = "/engagements/" + ids.get("{id}");
        Browser finance = new Browser(port, FINANCE);
        finance.get(engagement);
        HttpResponse<String> refused = finance.submit(engagement + "/metrics/stockouts/recordings",
                Browser.fields("_form", "record-stockouts", "value", "3", "date", "2026-02-11"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(finance.follow(refused).body()).contains("your role may not do this");
        assertThat(api().get("/api/engagements/" + ids.get("{id}") + "/metrics/stockouts/series").body())
                .doesNotContain("2026-02-11");
    }

    /** A page as a browser asks for it; only the status and headers are read, so a live stream is fine too. */
    private HttpResponse<InputStream> open(String user, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", path.endsWith("/live") ? "text/event-stream" : path.startsWith("/v3/") ? "*/*" : "text/html");
        if (user != null) {
            request.header("Authorization", Api.basic(user));
        }
        HttpResponse<InputStream> answer = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        answer.body().close();
        return answer;
    }

    @Test
    void theEvidenceKeyIsOpenToAnyone() {
        Api.Response key = api().anonymous().get("/api/evidence/public-key");
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.json().get("algorithm").asString()).isEqualTo("Ed25519");
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsWhatItsRoleAllows() {
        List<DynamicTest> cells = new ArrayList<>();
        for (var rule : new java.util.TreeMap<>(RULES).entrySet()) {
            String method = rule.getKey().substring(0, rule.getKey().indexOf(' '));
            String path = path(rule.getKey().substring(method.length() + 1));
            boolean engagementScoped = path.startsWith("/api/engagements/") || path.startsWith("/api/invoices/");
            String notFound = path.startsWith("/api/invoices/") ? "INVOICE_NOT_FOUND" : "ENGAGEMENT_NOT_FOUND";
            cells.add(DynamicTest.dynamicTest(rule.getKey() + " anonymous", () ->
                    assertThat(call(api().anonymous(), method, path).status()).isEqualTo(401)));
            for (String caller : List.of(TEAM, FINANCE, ADMIN, OWNER, OTHER)) {
                cells.add(DynamicTest.dynamicTest(rule.getKey() + " as " + caller, () -> {
                    Api.Response answer = call(api().as(caller), method, path);
                    if (path.startsWith("/api/admin/projections/") && answer.status() == 202) {
                        // a rebuild empties read models the later cells read: a customer's own engagement is found
                        // through the summary, and is a 404 to its owner until the replay has brought it back
                        ReadModels.awaitCaughtUp(api(), Duration.ofSeconds(60));
                    }
                    boolean allowed = rule.getValue().contains(caller)
                            || (caller.equals(OTHER) && rule.getValue().contains(OWNER));
                    if (!allowed) {
                        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
                    } else if (caller.equals(OTHER) && engagementScoped) {
                        assertThat(answer.status()).as(answer.body()).isEqualTo(404);
                        assertThat(answer.json().get("code").asString()).isEqualTo(notFound);
                    } else {
                        assertThat(answer.status()).as(answer.body()).isNotIn(401, 403);
                        if (caller.equals(OWNER)) {
                            assertThat(answer.status()).as(answer.body()).isNotEqualTo(404);
                        }
                    }
                    if (answer.status() >= 400) {
                        assertThat(answer.contentType()).startsWith("application/problem+json");
                    }
                }));
            }
        }
        return cells.stream();
    }

    @Test
    void aCustomerListsOnlyItsOwnEngagementsWhateverItAsks() {
        String acme = ids.get("{id}");
        assertThat(api().as(OWNER).get("/api/engagements?size=100").body()).contains(acme);
        for (String query : new String[]{"", "&customerId=acme"}) {
            String listed = api().as(OTHER).get("/api/engagements?size=100" + query).body();
            assertThat(listed).doesNotContain(acme).doesNotContain("\"customerId\":\"acme");
        }
    }

    @Test
    void healthAndMetricsAreOpenAndTheRestOfActuatorIsForAdmins() {
        assertThat(api().anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(api().anonymous().get("/actuator/health").json().has("components")).as("details for admins only").isFalse();
        assertThat(api().as(ADMIN).get("/actuator/health").json().has("components")).isTrue();
        assertThat(api().anonymous().get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api().anonymous().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(api().as(TEAM).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(api().as(ADMIN).get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(api().as("account-team-typo").get("/api/engagements").status()).isEqualTo(401);
    }

    private String path(String pattern) {
        String path = pattern;
        for (var id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        return path;
    }

    private static Api.Response call(Api api, String method, String path) {
        return switch (method) {
            case "GET" -> api.get(path);
            case "PUT" -> api.put(path, "{}");
            case "DELETE" -> api.delete(path);
            default -> api.post(path, "{}");
        };
    }
}
