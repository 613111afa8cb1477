package com.engagementtracker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness on a tiny size, so that it cannot rot: it builds a store, starts the app on embedded
 * PostgreSQL, drives it over HTTP and writes every figure. The figures themselves are not judged here;
 * a test on a shared machine cannot time anything fairly (bench/run does, as ratios).
 */
class BenchSmokeTest {

    private static final List<String> KEYS = List.of("commands_per_s", "raw_insert_per_s",
            "ratio_commands_to_raw_insert", "projection_lag_ms_p50", "projection_lag_ms_p99", "replay_events_per_s",
            "raw_scan_rows_per_s", "ratio_replay_to_raw_scan", "billing_run_s", "aggregate_load_ms_long",
            "aggregate_load_ms_short", "peak_heap_mb", "bulk_recordings_per_s", "ratio_bulk_to_raw_insert",
            "commands_per_s_1_node", "commands_per_s_2_nodes", "scale_out_ratio", "ratio_cluster_node_to_cached_node",
            "bulk_recordings_per_s_1_node", "bulk_recordings_per_s_2_nodes", "bulk_scale_out_ratio", "http_insert_per_s",
            "ratio_commands_to_http_insert", "summary_page_statements");

    @Test
    void theHarnessMeasuresEverythingOnATinySize() throws Exception {
        Path out = Path.of("target", "smoke", "results.json");
        Files.deleteIfExists(out);

        Bench.main(new String[]{"--engagements", "5", "--months", "3", "--recordings-per-month", "2",
                "--long-events", "400", "--seconds", "2", "--lag-samples", "5", "--bulk-batches", "1", "--nodes", "2",
                "--app-jar", "../app/target/app-0.1.0-SNAPSHOT.jar", "--out", out.toString()});

        JsonNode results = Http.JSON.readTree(out.toFile());
        for (String key : KEYS) {
            assertThat(results.has(key)).as(key).isTrue();
            assertThat(results.get(key).isNumber()).as(key).isTrue();
            assertThat(results.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(results.get("store_events").asLong()).isEqualTo(5 * (4 + 3 * (2 + 3) + 1) + 400 + 10);
        // a command sent to either node is never refused for the other node's change
        assertThat(results.get("commands_refused_1_node").asLong()).isZero();
        assertThat(results.get("commands_refused_2_nodes").asLong()).isZero();
    }
}
