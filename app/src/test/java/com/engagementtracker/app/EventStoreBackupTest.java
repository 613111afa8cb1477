package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The way from the embedded default to PostgreSQL, and the backup: the event store exported while the app
 * runs, imported into an empty PostgreSQL database by the jar's {@code import-events} command, answers every
 * query exactly as before, people's names (and who was forgotten) included. Old revisions stay old.
 */
class EventStoreBackupTest {

    private static final String OLD_RECORDING = """
            {"engagementId":"%s","recordingId":"legacy-1","metricId":"stockouts","value":5,"date":"2026-03-10",
             "source":"ERP","recordedBy":"olivia"}""";

    @TempDir
    Path directory;

    @Test
    void anExportOfTheEmbeddedDefaultImportedIntoPostgresAnswersEveryQueryAsBefore() throws Exception {
        Path export = directory.resolve("events.jsonl.gz");
        Map<String, String> before;
        long stored;
        try (ConfigurableApplicationContext source = start("--spring.datasource.url=jdbc:h2:mem:backup-source;DB_CLOSE_DELAY=-1")) {
            Api api = api(source);
            String id = new LifecycleScenario(api).run();
            // the directory travels too: Ana keeps her name, Ben stays forgotten
            String ben = api.get("/api/engagements/" + id).json().get("people").get(1).get("personId").asString();
            assertThat(api.post("/api/people/" + ben + "/forget", "").status()).isEqualTo(204);
            String legacy = new LifecycleScenario(api).openAndStart();
            JdbcTemplate jdbc = source.getBean(JdbcTemplate.class);
            // a recording stored by an older version: revision 1, no unit
            jdbc.update("""
                    insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    values (next value for domain_event_entry_seq, 'legacy-event-1', '{}', ?, null,
                        'com.engagementtracker.api.events.MetricRecordedEvent', '2026-03-10T09:00:00Z', ?, 4, 'Engagement')""",
                    OLD_RECORDING.formatted(legacy).getBytes(), legacy);
            ReadModels.awaitCaughtUp(api, Duration.ofSeconds(20));
            before = ReadModels.everyAnswer(api);
            stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            Files.write(export, api.download("/api/admin/event-store/export"));
        }
        // the same from the command line, with the app stopped (here: its in-memory database still there)
        assertThat(EngagementTrackerApplication.transfer("export-events", directory.resolve("stopped.jsonl.gz"),
                "--spring.datasource.url=jdbc:h2:mem:backup-source;DB_CLOSE_DELAY=-1")).isEqualTo(stored);

        // a damaged file (its last line cut short) stores nothing at all
        Path damaged = directory.resolve("damaged.jsonl.gz");
        List<String> lines = gunzip(export);
        lines.set(lines.size() - 1, lines.get(lines.size() - 1).substring(0, 40));
        gzip(damaged, lines);
        String damagedUrl = newPostgresDatabase("damaged");
        assertThatThrownBy(() -> EngagementTrackerApplication.transfer("import-events", damaged, "--spring.profiles.active=postgres",
                "--engagement.security.demo-users=true",
                "--spring.datasource.url=" + damagedUrl, "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"))
                .hasMessageContaining("line " + lines.size() + " is not JSON");
        try (Connection connection = DriverManager.getConnection(damagedUrl, "postgres", "postgres");
             Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("select (select count(*) from domain_event_entry) + (select count(*) from person_directory)")) {
            count.next();
            assertThat(count.getLong(1)).isZero();
        }

        String url = newPostgresDatabase("restored");
        String[] postgres = {"--spring.profiles.active=postgres", "--engagement.security.demo-users=true", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"};
        assertThat(EngagementTrackerApplication.transfer("import-events", export, postgres)).isEqualTo(stored);

        try (ConfigurableApplicationContext target = start(postgres)) {
            Api api = api(target);
            ReadModels.awaitCaughtUp(api, Duration.ofSeconds(60));
            assertThat(ReadModels.everyAnswer(api)).isEqualTo(before);
            assertThat(before.values()).anyMatch(answer -> answer.contains("\"displayName\":\"Ana Lima\""))
                    .anyMatch(answer -> answer.contains("\"displayName\":\"former participant\""));
            JdbcTemplate jdbc = target.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(stored);
            assertThat(jdbc.queryForObject("select payload_revision from domain_event_entry where event_identifier = 'legacy-event-1'",
                    String.class)).isNull();
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_revision = '2'", Long.class))
                    .isPositive();
        }
        assertThatThrownBy(() -> EngagementTrackerApplication.transfer("import-events", export, postgres))
                .hasMessageContaining("the event store is not empty");
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new SpringApplicationBuilder(EngagementTrackerApplication.class).sources(TestClock.class).run(all);
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
    }

    private static List<String> gunzip(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return new ArrayList<>(reader.lines().toList());
        }
    }

    private static void gzip(Path file, List<String> lines) throws IOException {
        try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            for (String line : lines) {
                writer.write(line + "\n");
            }
        }
    }

    private static String newPostgresDatabase(String name) throws Exception {
        try (Connection connection = PostgresHttpTest.POSTGRES.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("create database " + name);
        }
        return PostgresHttpTest.POSTGRES.getJdbcUrl("postgres", name);
    }
}
