package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Every fact the product acknowledged survives a SIGKILL of its process, on the embedded default and on
 * PostgreSQL; and a SIGTERM stops it cleanly. The app runs as users run it, {@code java -jar}, driven by
 * 8 client threads recording metrics until it is killed mid-load.
 */
class CrashDurabilityIT {

    private static final int CLIENTS = 8;
    private static final int ENGAGEMENTS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;
    private static final String METRIC_RECORDED = "com.engagementtracker.api.events.MetricRecordedEvent";

    @TempDir
    Path directory;

    @Test
    void theEmbeddedDefaultKeepsEveryAcknowledgedRecordingThroughAKill() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("data").resolve("engagements");
        ordeal(() -> AppProcess.start(directory, Map.of()), () -> DriverManager.getConnection(url, "sa", ""));
    }

    @Test
    void postgresKeepsEveryAcknowledgedRecordingThroughAKill() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Map<String, String> environment = Map.of("DB_URL", url, "DB_USER", "postgres", "DB_PASSWORD", "postgres");
            ordeal(() -> AppProcess.start(directory, environment, "--spring.profiles.active=postgres",
                    "--engagement.security.demo-users=true"),
                    () -> DriverManager.getConnection(url, "postgres", "postgres"));
        }
    }

    interface Database {
        Connection connect() throws SQLException;
    }

    private static void ordeal(Supplier<AppProcess> start, Database database) throws Exception {
        List<String> engagements = new ArrayList<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (AppProcess app = start.get()) {
            Api api = app.api();
            for (int i = 0; i < ENGAGEMENTS; i++) {
                engagements.add(new LifecycleScenario(api).openAndStart());
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger sent = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int client = 0; client < CLIENTS; client++) {
                clients.submit(() -> record(api, engagements, sent, acknowledged, stop));
            }
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL) {
                AppProcess.sleep(5);
            }
            app.kill();
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        Set<String> stored = new HashSet<>();
        try (AppProcess app = start.get()) {
            Api api = app.api();
            ReadModels.awaitCaughtUp(api, Duration.ofSeconds(60));
            for (String engagement : engagements) {
                JsonNode points = api.get("/api/engagements/" + engagement + "/metrics/stockouts/series").json()
                        .get("points");
                for (JsonNode point : points) {
                    assertThat(stored.add(point.get("recordingId").asString())).as("stored once").isTrue();
                }
            }
            assertThat(stored).containsAll(acknowledged);

            Map<String, String> before = ReadModels.everyAnswer(api);
            ReadModels.rebuildAll(api);
            assertThat(ReadModels.everyAnswer(api)).isEqualTo(before);

            app.terminate();
            assertThat(app.log()).contains("Graceful shutdown complete")
                    .doesNotContain("Database is already closed")
                    .doesNotContain("preparing for retry");
        }

        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            List<String> payloads = new ArrayList<>();
            try (ResultSet events = sql.executeQuery(
                    "select payload from domain_event_entry where payload_type = '" + METRIC_RECORDED + "'")) {
                while (events.next()) {
                    payloads.add(new String(events.getBytes(1), StandardCharsets.UTF_8));
                }
            }
            assertThat(payloads).as("recordings in the event store").hasSize(stored.size());
            for (String recording : acknowledged) {
                assertThat(payloads).as("recording " + recording).filteredOn(p -> p.contains(recording)).hasSize(1);
            }
            try (ResultSet claims = sql.executeQuery("select count(*) from token_entry where owner is not null")) {
                claims.next();
                assertThat(claims.getLong(1)).as("token claims left behind by the stopped process").isZero();
            }
        }
    }

    private static void record(Api api, List<String> engagements, AtomicInteger sent, Set<String> acknowledged,
                               AtomicBoolean stop) {
        while (!stop.get()) {
            int n = sent.getAndIncrement();
            String engagement = engagements.get(n % engagements.size());
            String date = LocalDate.of(2026, 2, 1).plusDays(n % 200).toString();
            try {
                Api.Response response = api.post("/api/engagements/" + engagement + "/metrics/stockouts/recordings",
                        LifecycleScenario.recording(Integer.toString(n % 50), date));
                if (response.status() == 201) {
                    acknowledged.add(response.id());
                }
            } catch (IllegalStateException killed) {
                return;
            }
        }
    }
}
