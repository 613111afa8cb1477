package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.command.people.V8__move_personal_data_out_of_events;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A store written by a version that kept names in events is cleaned by the migration to this one: the
 * name moves to the person directory, a name in a "who did it" field is emptied, person ids stay, and
 * nothing else of the events changes.
 */
class PersonalDataMigrationTest {

    private static final String EVENTS = "com.engagementtracker.api.events.";

    @Test
    void namesLeaveTheStoredEventsForTheDirectory() {
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:old-store;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration/h2").target("7").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        store(jdbc, 0, "EngagementOpenedEvent", """
                {"engagementId":"e-1","customerId":"acme","customerName":"ACME Logistics","title":"Inventory",
                 "customerJob":{"description":"stock","importance":5,"painSeverity":4,"gainRelevance":4},
                 "plannedStart":"2026-01-01","plannedEnd":"2026-12-31","currency":"EUR","owner":"olivia"}""");
        store(jdbc, 1, "PersonAssignedEvent", """
                {"engagementId":"e-1","personId":"ana","displayName":"Ana Lima","organisationKind":"PARTNER",
                 "organisationName":"Porto University","role":"analyst","allocationPercent":50.00,
                 "from":"2026-01-05","to":"2026-06-30"}""");
        store(jdbc, 2, "MetricRecordedEvent", """
                {"engagementId":"e-1","recordingId":"r-1","metricId":"stockouts","value":12.50,"date":"2026-01-31",
                 "source":"ERP","recordedBy":"Olivia Smith"}""");

        Flyway.configure().dataSource(database).locations("classpath:db/migration/h2")
                .javaMigrations(new V8__move_personal_data_out_of_events()).load().migrate();

        assertThat(payload(jdbc, 1)).doesNotContain("Ana Lima").contains("\"personId\":\"ana\"")
                .contains("\"allocationPercent\":50.00");
        assertThat(revision(jdbc, 1)).isEqualTo("2");
        assertThat(payload(jdbc, 2)).doesNotContain("Olivia Smith").contains("\"recordedBy\":null")
                .contains("\"value\":12.50");
        assertThat(revision(jdbc, 2)).as("still revision 1: the unit upcaster reads it").isNull();
        assertThat(payload(jdbc, 0)).contains("\"owner\":\"olivia\"");
        assertThat(jdbc.queryForMap("select person_id, display_name from person_directory"))
                .isEqualTo(Map.of("PERSON_ID", "ana", "DISPLAY_NAME", "Ana Lima"));
    }

    private static void store(JdbcTemplate jdbc, long sequence, String type, String payload) {
        jdbc.update("""
                insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                values (next value for domain_event_entry_seq, ?, '{}', ?, null, ?, '2026-02-01T09:00:00Z', 'e-1', ?, 'Engagement')""",
                "event-" + sequence, payload.getBytes(StandardCharsets.UTF_8), EVENTS + type, sequence);
    }

    private static String payload(JdbcTemplate jdbc, long sequence) {
        return new String(jdbc.queryForObject("select payload from domain_event_entry where sequence_number = ?",
                byte[].class, sequence), StandardCharsets.UTF_8);
    }

    private static String revision(JdbcTemplate jdbc, long sequence) {
        return jdbc.queryForObject("select payload_revision from domain_event_entry where sequence_number = ?",
                String.class, sequence);
    }
}
