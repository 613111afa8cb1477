package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.engagementtracker.command.CommandService;
import com.engagementtracker.command.Engagement;
import com.engagementtracker.query.ProjectionStream;
import com.engagementtracker.query.QueryService;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The app in its {@code axonserver} profile against a real Axon Server SE (skipped, saying how to enable it, when
 * {@code AXONSERVER_JAR} names none): a store moved in from the embedded default answers every query as before,
 * then the README walkthrough, a whole engagement with its settlements and reconciliation, and a live update of
 * the portal all run through Axon Server, which stores the events, routes the commands and queries and carries the
 * subscription query behind the live page. The read models stay in the app's database (here an in-memory H2).
 */
@EnabledIfEnvironmentVariable(named = "AXONSERVER_JAR", matches = ".+", disabledReason = AxonServerProcess.HOW_TO_ENABLE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AxonServerTest {

    private static final String DATABASE = "--spring.datasource.url=jdbc:h2:mem:on-axon-server;DB_CLOSE_DELAY=-1";

    @TempDir
    static Path directory;

    private AxonServerProcess server;
    private ConfigurableApplicationContext app;

    @BeforeAll
    void axonServer() {
        Optional<Path> jar = AxonServerProcess.jar();
        assumeTrue(jar.isPresent(), "AXONSERVER_JAR names no file; " + AxonServerProcess.HOW_TO_ENABLE);
        server = AxonServerProcess.start(jar.get());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String[] onAxonServer() {
        return new String[]{"--spring.profiles.active=axonserver", "--axon.axonserver.servers=" + server.servers(), DATABASE,
                "--engagement.security.demo-users=true"};
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new SpringApplicationBuilder(EngagementTrackerApplication.class).sources(TestClock.class).run(all);
    }

    private Api api() {
        return new Api(port());
    }

    private int port() {
        return Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Test
    @Order(1)
    void aStoreMovedFromTheEmbeddedDefaultIntoAxonServerAnswersEveryQueryAsBefore() throws Exception {
        Path export = directory.resolve("events.jsonl.gz");
        Map<String, String> before;
        String engagement;
        try (ConfigurableApplicationContext source = start("--spring.datasource.url=jdbc:h2:mem:move-source;DB_CLOSE_DELAY=-1",
                "--demo")) {
            Api api = new Api(Integer.parseInt(source.getEnvironment().getRequiredProperty("local.server.port")));
            engagement = new LifecycleScenario(api).run();
            ReadModels.awaitCaughtUp(api, Duration.ofSeconds(30));
            before = ReadModels.everyAnswer(api);
            Files.write(export, api.download("/api/admin/event-store/export"));
        }
        long stored = EngagementTrackerApplication.transfer("import-events", export, onAxonServer());
        assertThat(stored).isGreaterThan(100);

        app = start(onAxonServer());
        Api api = api();
        ReadModels.awaitCaughtUp(api, Duration.ofSeconds(60));
        assertThat(ReadModels.everyAnswer(api)).isEqualTo(before);
        assertThat(before.get("list")).contains("\"title\":\"Returns reduction\"").contains("\"title\":\"Inventory control\"");

        // the events are in Axon Server, none in the app's database
        assertThat(server.get("/v1/events?aggregateId=" + engagement)).startsWith("200 ").contains("EngagementOpenedEvent")
                .contains("EngagementCompletedEvent");
        assertThat(app.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class)).isZero();
        assertThat(api.get("/api/admin/event-store/export").json().get("code").asString()).isEqualTo("EVENTS_IN_AXON_SERVER");
        assertThat(api.get("/actuator/health").json().get("components").get("axonServer").get("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void theReadmeWalkthroughRunsThroughAxonServer() throws Exception {
        WalkthroughTest.runAndCheck(api(), port());
    }

    @Test
    @Order(3)
    void aWholeEngagementWithItsSettlementsAndReconciliationRunsThroughAxonServer() {
        new LifecycleScenario(api()).run();
    }

    @Test
    @Order(4)
    void theCustomersLivePageHearsOfARecordingThroughAxonServer() throws Exception {
        livePageHearsOfARecording(api(), port());
    }

    @Test
    @Order(5)
    void commandAndQueryServicesServeAWebOnlyApp() throws Exception {
        app.close();
        String database = "--spring.datasource.url=jdbc:h2:mem:services;DB_CLOSE_DELAY=-1";
        String axonServer = "--axon.axonserver.servers=" + server.servers();
        try (ConfigurableApplicationContext command = CommandService.application().sources(TestClock.class)
                     .run("--server.port=0", axonServer, database);
             ConfigurableApplicationContext query = QueryService.application().sources(TestClock.class)
                     .run("--server.port=0", axonServer, database, "--engagement.node-id=query-1")) {
            app = start("--spring.profiles.active=axonserver", axonServer, database, "--engagement.security.demo-users=true",
                    "--engagement.web-only=true");
            // the web-only node handles no command and runs no projection: the services do
            assertThat(app.getBeanNamesForType(Engagement.class)).isEmpty();
            assertThat(app.getBean(EventProcessingConfiguration.class).eventProcessors()).isEmpty();
            assertThat(command.getBeanNamesForType(Engagement.class)).isNotEmpty();
            assertThat(query.getBean(EventProcessingConfiguration.class).eventProcessors())
                    .containsOnlyKeys(ProjectionStream.PROCESSOR);

            // the query service replays what the earlier tests stored, into its new database
            ReadModels.awaitCaughtUp(api(), Duration.ofSeconds(90));
            assertThat(api().get("/api/admin/projections").json().get(0).get("segments").valueStream()
                    .map(segment -> segment.get("owner").asString()).distinct().toList()).containsExactly("query-1");

            WalkthroughTest.runAndCheck(api(), port());
            new LifecycleScenario(api()).run();
            // a batch's result and its refused rows come back from the command service through Axon Server
            RecordingBatchHttpTest.recordInBatches(api());
            livePageHearsOfARecording(api(), port());
            // the command service stamps each event with who sent its command, as the all-in-one app does
            String audited = api().post("/api/engagements", LifecycleScenario.OPEN).id();
            JsonNode opened = api().get("/api/engagements/" + audited + "/history").json().get(0);
            assertThat(opened.get("actor").asString() + " (" + opened.get("role").asString() + ")")
                    .isEqualTo("account-team (ACCOUNT_TEAM)");
            assertThat(actuator(query, "/actuator/health")).contains("\"projections\"").contains("\"axonServer\"");
        }
    }

    private static String actuator(ConfigurableApplicationContext service, String path) throws Exception {
        int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** ACME's own user follows an engagement of ACME's on its live page, and hears of a recording. */
    private static void livePageHearsOfARecording(Api api, int port) throws Exception {
        String id = api.post("/api/engagements", LifecycleScenario.OPEN).id();
        assertThat(api.put("/api/engagements/" + id + "/terms", LifecycleScenario.HYBRID_TERMS).status()).isEqualTo(204);
        assertThat(api.post("/api/engagements/" + id + "/baseline", LifecycleScenario.BASELINE).status()).isEqualTo(204);
        assertThat(api.post("/api/engagements/" + id + "/start", "{\"on\": \"2026-01-05\"}").status()).isEqualTo(204);
        ReadModels.awaitCaughtUp(api, Duration.ofSeconds(20));
        HttpRequest live = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/engagements/" + id + "/live"))
                .header("Accept", "text/event-stream").header("Authorization", Api.basic("customer-acme")).build();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(live, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            // the stream says it is ready once its subscription query is open
            assertThat(lines.lines().filter(line -> line.startsWith("event:")).findFirst()).contains("event:ready");
            CompletableFuture<String> changed = CompletableFuture.supplyAsync(() -> lines.lines()
                    .filter(line -> line.startsWith("event:")).findFirst().orElse("the stream ended"));
            assertThat(api.post("/api/engagements/" + id + "/metrics/stockouts/recordings",
                    LifecycleScenario.recording("12", "2026-01-31")).status()).isEqualTo(201);
            assertThat(changed.get(20, TimeUnit.SECONDS)).isEqualTo("event:changed");
        }
    }
}
