package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresLifecycleTest extends PostgresHttpTest {

    @Test
    void logsAWholeEngagementOverHttpOnPostgres() {
        new LifecycleScenario(api()).run();
    }

    @Test
    void storesEventPayloadsAsByteaNotAsLargeObjects() {
        new LifecycleScenario(api()).openAndStart();

        assertThat(jdbc.queryForList("""
                select column_name || ':' || data_type from information_schema.columns
                where table_name in ('domain_event_entry', 'snapshot_event_entry', 'token_entry')
                  and column_name in ('payload', 'meta_data', 'token')
                order by table_name, column_name""", String.class))
                .containsExactly("meta_data:bytea", "payload:bytea", "meta_data:bytea", "payload:bytea", "token:bytea");
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void storesEventsAsJsonWithIdsAsPlainStrings() {
        String id = new LifecycleScenario(api()).openAndStart();

        String baseline = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%BaselineCapturedEvent'""", String.class, id);
        assertThat(baseline).startsWith("{\"engagementId\":\"" + id + "\",")
                .contains("\"metricId\":\"stockouts\"")
                .contains("\"baselineFrom\":\"2025-10-01\"")
                .contains("\"valuePerUnit\":{\"amount\":250.00,\"currency\":\"EUR\"}");
    }

    @Test
    void handsOutEventIndexesOneAtATime() {
        new LifecycleScenario(api()).openAndStart();

        assertThat(jdbc.queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject(
                "select max(global_index) - min(global_index) + 1 - count(*) from domain_event_entry", Long.class))
                .isZero();
    }
}
