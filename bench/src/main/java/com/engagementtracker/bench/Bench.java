package com.engagementtracker.bench;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EventJson;
import com.engagementtracker.command.Engagement;
import com.engagementtracker.command.EventTables;
import com.engagementtracker.command.people.V8__move_personal_data_out_of_events;
import com.engagementtracker.command.web.HttpInsertEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;

/**
 * bench/run: how fast the product does its job on this machine, next to what the same PostgreSQL does
 * with plain JDBC in the same run. Prints a Markdown table and writes bench/target/results.json.
 */
public final class Bench {

    static final int CLIENTS = 8;

    /** The sizes of one run; {@code --quick} and {@code --full} pick them, single options override them. */
    record Sizes(int engagements, int months, int recordingsPerMonth, int longEvents, int shortEvents,
                 int seconds, int lagSamples, int bulkBatches) {

        static Sizes of(List<String> args) {
            boolean full = args.contains("--full");
            Sizes sizes = full ? new Sizes(10_000, 24, 1, 20_000, 10, 60, 400, 25)
                    : new Sizes(1_000, 24, 5, 20_000, 10, 20, 150, 5);
            return new Sizes(option(args, "--engagements", sizes.engagements), option(args, "--months", sizes.months),
                    option(args, "--recordings-per-month", sizes.recordingsPerMonth),
                    option(args, "--long-events", sizes.longEvents), option(args, "--short-events", sizes.shortEvents),
                    option(args, "--seconds", sizes.seconds), option(args, "--lag-samples", sizes.lagSamples),
                    option(args, "--bulk-batches", sizes.bulkBatches));
        }
    }

    private final Map<String, Number> results = new LinkedHashMap<>();
    private final Sizes sizes;
    private final LocalDate today = LocalDate.now(Clock.systemUTC());

    private Bench(Sizes sizes) {
        this.sizes = sizes;
    }

    public static void main(String[] arguments) throws Exception {
        List<String> args = Arrays.asList(arguments);
        Path out = Path.of(text(args, "--out", "bench/target/results.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Bench bench = new Bench(Sizes.of(args));
        String url = text(args, "--db-url", null);
        if (url != null) {
            bench.run(url, text(args, "--db-user", "postgres"), text(args, "--db-password", ""), args, out);
        } else {
            // PostgreSQL's own default, as in production: a commit waits for its WAL flush (zonky turns it off)
            // pg_stat_statements counts the statements of the summary page (summary_page_statements)
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_utility", "off").start()) {
                bench.run(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", args, out);
            }
        }
    }

    private void run(String url, String user, String password, List<String> args, Path out) throws Exception {
        Path jar = Path.of(text(args, "--app-jar", "app/target/app-0.1.0-SNAPSHOT.jar"));
        log("sizes " + sizes + ", app " + jar + ", database " + url);
        EngagementId longOne = new EngagementId(UUID.randomUUID().toString());
        EngagementId shortOne = new EngagementId(UUID.randomUUID().toString());

        // the schema the app would create on its first start, from the same Flyway scripts and Java migrations
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration/postgresql")
                .javaMigrations(new V8__move_personal_data_out_of_events()).load().migrate();
        long events = writeStore(url, user, password, longOne, shortOne);
        rawScan(url, user, password, events);
        rawInsert(url, user, password);
        httpInsert(url, user, password, out);

        Path flightRecording = args.contains("--jfr") ? out.resolveSibling("app.jfr") : null;
        try (AppProcess app = AppProcess.start(jar, url, user, password, out.resolveSibling("app.log"), flightRecording)) {
            Http http = app.http();
            // the read models start empty, so catching up with the generated store is a full rebuild;
            // it is timed from the first answer of the admin endpoint, counting only the events after it
            long before = app.projectedEvents();
            Duration replay = app.awaitProjections(Duration.ofHours(2));
            log("projections rebuilt from the store: " + (events - before) + " events timed");
            put("replay_events_per_s", (events - before) / seconds(replay));
            put("ratio_replay_to_raw_scan", results.get("replay_events_per_s").doubleValue()
                    / results.get("raw_scan_rows_per_s").doubleValue());
            log("peak heap so far (after the replay): " + app.peakHeapMb() + " MB");

            long billing = System.nanoTime();
            Http.Response reconciliation = http.get("/api/billing/reconciliation");
            put("billing_run_s", seconds(Duration.ofNanos(System.nanoTime() - billing)));
            if (reconciliation.status() != 200 || !reconciliation.json().isArray()) {
                throw new IllegalStateException("the reconciliation failed (" + reconciliation.status() + "): "
                        + reconciliation.body());
            }
            log("reconciliation: " + reconciliation.json().size() + " lines");
            log("peak heap so far (after the reconciliation): " + app.peakHeapMb() + " MB");

            aggregateLoad(http, url, user, password, longOne, shortOne);
            Load load = new Load(http, today);
            double commandsPerSecond = load.maximumThroughput(sizes.seconds).perSecond();
            put("commands_per_s", commandsPerSecond);
            put("ratio_commands_to_raw_insert", commandsPerSecond / results.get("raw_insert_per_s").doubleValue());
            put("ratio_commands_to_http_insert", commandsPerSecond / results.get("http_insert_per_s").doubleValue());
            List<Double> lags = load.lagAtRate(commandsPerSecond / 2, sizes.seconds, sizes.lagSamples);
            put("projection_lag_ms_p50", percentile(lags, 50));
            put("projection_lag_ms_p99", percentile(lags, 99));
            log("peak heap so far (after commands and lag): " + app.peakHeapMb() + " MB");
            put("bulk_recordings_per_s", load.bulkThroughput(sizes.bulkBatches, () -> app.awaitProjections(Duration.ofMinutes(30))));
            put("ratio_bulk_to_raw_insert", results.get("bulk_recordings_per_s").doubleValue()
                    / results.get("raw_insert_per_s").doubleValue());
            summaryPageStatements(http, url, user, password);
            put("peak_heap_mb", app.peakHeapMb());
        }
        if (option(args, "--nodes", 1) > 1) {
            scaleOut(jar, url, user, password, option(args, "--nodes", 1), out);
        }
        report(out);
    }

    /**
     * The same flood of recordings against one node and then against {@code nodes} nodes on the same database
     * (profile {@code postgres,cluster}: no engagement cache, collisions retried in the node), each request to the
     * next node in turn. {@code scale_out_ratio}: what the nodes get through together over what one gets through
     * alone; {@code ratio_cluster_node_to_cached_node}: what the cache-less cluster node costs against the single
     * node with its cache (commands_per_s). Refusals must be 0: a command to any node is never refused for another
     * node's change.
     */
    private void scaleOut(Path jar, String url, String user, String password, int nodes, Path out) throws Exception {
        throughputOn(jar, url, user, password, 1, out, "_1_node");
        throughputOn(jar, url, user, password, nodes, out, "_" + nodes + "_nodes");
        put("scale_out_ratio", results.get("commands_per_s_" + nodes + "_nodes").doubleValue()
                / results.get("commands_per_s_1_node").doubleValue());
        put("bulk_scale_out_ratio", results.get("bulk_recordings_per_s_" + nodes + "_nodes").doubleValue()
                / results.get("bulk_recordings_per_s_1_node").doubleValue());
        put("ratio_cluster_node_to_cached_node", results.get("commands_per_s_1_node").doubleValue()
                / results.get("commands_per_s").doubleValue());
    }

    /** commands_per_s, commands_refused and bulk_recordings_per_s on so many nodes, each key ending in {@code suffix}. */
    private void throughputOn(Path jar, String url, String user, String password, int nodes, Path out, String suffix)
            throws Exception {
        List<AppProcess> started = new ArrayList<>();
        try {
            for (int node = 1; node <= nodes; node++) {
                started.add(AppProcess.start(jar, url, user, password, out.resolveSibling("node-" + nodes + "-" + node + ".log"),
                        null, "postgres,cluster", "bench-" + nodes + "-" + node));
            }
            Runnable caughtUp = () -> started.get(0).awaitProjections(Duration.ofMinutes(30));
            caughtUp.run();
            Load load = new Load(new Http(started.stream().map(AppProcess::base).toList()), today);
            Load.Throughput throughput = load.maximumThroughput(sizes.seconds);
            put("commands_per_s" + suffix, throughput.perSecond());
            put("commands_refused" + suffix, throughput.refused());
            put("bulk_recordings_per_s" + suffix, load.bulkThroughput(sizes.bulkBatches, caughtUp));
        } finally {
            started.forEach(AppProcess::close);
        }
    }

    /** The generated history: billed engagements, one long engagement and one short one. */
    private long writeStore(String url, String user, String password, EngagementId longOne, EngagementId shortOne)
            throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             EventStoreWriter writer = new EventStoreWriter(connection, today)) {
            for (int i = 0; i < sizes.engagements; i++) {
                writer.billedEngagement(new EngagementId(UUID.randomUUID().toString()), sizes.months,
                        sizes.recordingsPerMonth);
            }
            writer.longEngagement(longOne, sizes.longEvents);
            writer.shortEngagement(shortOne, sizes.shortEvents);
            writer.flush();
            log("wrote " + writer.written() + " events in " + seconds(Duration.ofNanos(System.nanoTime() - start)) + " s");
            put("store_events", writer.written());
            return writer.written();
        }
    }

    /** A plain sequential read of the whole event table, as a replay reads it. */
    private void rawScan(String url, String user, String password, long events) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            long rows = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet result = statement.executeQuery("""
                        select global_index, event_identifier, aggregate_identifier, sequence_number, type,
                               payload_type, payload_revision, payload, meta_data, time_stamp
                        from domain_event_entry order by global_index""")) {
                    while (result.next()) {
                        result.getBytes(8);
                        result.getBytes(9);
                        rows++;
                    }
                }
            }
            put("raw_scan_rows_per_s", rows / seconds(Duration.ofNanos(System.nanoTime() - start)));
            if (rows != events) {
                throw new IllegalStateException("scanned " + rows + " rows of " + events);
            }
        }
    }

    /** Single-row inserts of an event-sized row with a unique key, each its own transaction, 8 clients. */
    private void rawInsert(String url, String user, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table if not exists bench_raw_insert (id bigserial primary key,
                        event_identifier varchar(36) not null unique, aggregate_identifier varchar(36) not null,
                        payload bytea not null)""");
        }
        byte[] payload = new byte[420];   // about a serialized MetricRecordedEvent
        ThreadLocalRandom.current().nextBytes(payload);
        AtomicLong inserted = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(sizes.seconds).toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                try (Connection connection = DriverManager.getConnection(url, user, password);
                     PreparedStatement insert = connection.prepareStatement(
                             "insert into bench_raw_insert (event_identifier, aggregate_identifier, payload) values (?, ?, ?)")) {
                    String aggregate = UUID.randomUUID().toString();
                    while (System.nanoTime() < deadline) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, aggregate);
                        insert.setBytes(3, payload);
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        put("raw_insert_per_s", inserted.get() / seconds(Duration.ofNanos(System.nanoTime() - start)));
    }

    /**
     * The honest limit of one fact per request: the same 8 clients and the same flood as {@code commands_per_s}, to the
     * bench's minimal endpoint on the product's web stack that validates the body and inserts one row, durably.
     */
    private void httpInsert(String url, String user, String password, Path out) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(HttpInsertEndpoint.TABLE);
        }
        try (AppProcess endpoint = AppProcess.startInsertEndpoint(url, user, password, out.resolveSibling("http-insert.log"))) {
            List<String> engagements = new ArrayList<>();
            for (int i = 0; i < 2 * CLIENTS; i++) {
                engagements.add(UUID.randomUUID().toString());
            }
            Load.Throughput throughput = new Load(endpoint.http(), today).maximumThroughput(engagements, sizes.seconds);
            if (throughput.refused() > 0) {
                throw new IllegalStateException("the insert endpoint refused " + throughput.refused() + " requests; see "
                        + out.resolveSibling("http-insert.log"));
            }
            put("http_insert_per_s", throughput.perSecond());
        }
    }

    /**
     * SQL statements PostgreSQL executed for one {@code GET /api/engagements?size=100}, counted by pg_stat_statements:
     * every statement except those of the event processors running meanwhile (event store, tokens, dead letters).
     * The fewest of three requests, so that a statement of a background job does not count. Left out, with a line
     * saying so, where the database has no pg_stat_statements (an existing PostgreSQL given by {@code --db-url}).
     */
    private void summaryPageStatements(Http http, String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            try {
                statement.execute("create extension if not exists pg_stat_statements");
                statement.executeQuery("select pg_stat_statements_reset()").close();
            } catch (SQLException unavailable) {
                log("summary_page_statements left out: pg_stat_statements is not loaded (" + unavailable.getMessage() + ")");
                return;
            }
            long fewest = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                statement.executeQuery("select pg_stat_statements_reset()").close();
                Http.Response page = http.get("/api/engagements?size=100");
                if (page.status() != 200 || page.json().path("content").size() == 0) {
                    throw new IllegalStateException("the summary page failed (" + page.status() + "): " + page.body());
                }
                try (ResultSet count = statement.executeQuery("""
                        select coalesce(sum(calls), 0) from pg_stat_statements
                        where query !~* '(pg_stat_statements|domain_event_entry|snapshot_event_entry|token_entry|dead_letter)'""")) {
                    count.next();
                    fewest = Math.min(fewest, count.getLong(1));
                }
            }
            put("summary_page_statements", fewest);
        }
    }

    /**
     * Loads the long and the short engagement as a command would, straight from the event store with
     * the product's aggregate and serializer: the latest snapshot, then the events after it. The app
     * takes the long engagement's snapshot when a command first loads it.
     */
    private void aggregateLoad(Http http, String url, String user, String password, EngagementId longOne,
                               EngagementId shortOne) throws SQLException {
        Http.Response recorded = http.post("/api/engagements/" + longOne.value() + "/metrics/stockouts/recordings",
                "{\"value\": \"4\", \"date\": \"" + today + "\"}");
        if (recorded.status() != 201) {
            throw new IllegalStateException("recording on the long engagement failed: " + recorded.body());
        }
        awaitSnapshot(url, user, password, longOne);
        Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(2);
        ConnectionProvider connections = new DataSourceConnectionProvider(pool);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(connections).transactionManager(NoTransactionManager.INSTANCE).schema(EventTables.SCHEMA)
                .eventSerializer(serializer).snapshotSerializer(serializer).build()).build();
        try {
            EventSourcingRepository<Engagement> repository = EventSourcingRepository.builder(Engagement.class)
                    .eventStore(store)
                    .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                            ClasspathParameterResolverFactory.forClass(Engagement.class),
                            new SimpleResourceParameterResolverFactory(List.of(Clock.systemUTC()))))
                    .build();
            put("aggregate_load_ms_long", medianLoadMillis(repository, longOne));
            put("aggregate_load_ms_short", medianLoadMillis(repository, shortOne));
        } finally {
            store.shutDown();
            pool.close();
        }
    }

    private static void awaitSnapshot(String url, String user, String password, EngagementId id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement snapshots = connection.prepareStatement(
                     "select count(*) from snapshot_event_entry where aggregate_identifier = ?")) {
            snapshots.setString(1, id.value());
            for (int attempt = 0; attempt < 300; attempt++) {
                try (ResultSet count = snapshots.executeQuery()) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        return;
                    }
                }
                Http.pause(100);
            }
        }
        throw new IllegalStateException("the app took no snapshot of the long engagement " + id);
    }

    private static double medianLoadMillis(EventSourcingRepository<Engagement> repository, EngagementId id) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            long start = System.nanoTime();
            repository.load(id.value());
            long elapsed = System.nanoTime() - start;
            unitOfWork.rollback();
            if (i >= 10) {   // the first ten warm the JIT and the connection
                millis.add(elapsed / 1e6);
            }
        }
        return percentile(millis, 50);
    }

    private void report(Path out) throws IOException {
        ObjectNode json = Http.JSON.createObjectNode();
        results.forEach((key, value) -> json.put(key, value.doubleValue()));
        Files.writeString(out, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        double loadRatio = results.get("aggregate_load_ms_long").doubleValue()
                / results.get("aggregate_load_ms_short").doubleValue();
        Map<String, String> targets = Map.of(
                "ratio_commands_to_raw_insert", ">= 0.35 " + mark(number("ratio_commands_to_raw_insert") >= 0.35),
                "ratio_commands_to_http_insert", ">= 0.5 " + mark(number("ratio_commands_to_http_insert") >= 0.5),
                "ratio_replay_to_raw_scan", ">= 0.10, then 0.25 " + mark(number("ratio_replay_to_raw_scan") >= 0.10),
                "ratio_bulk_to_raw_insert", ">= 0.5 " + mark(number("ratio_bulk_to_raw_insert") >= 0.5),
                "projection_lag_ms_p99", "< 100 " + mark(number("projection_lag_ms_p99") < 100),
                "summary_page_statements", results.containsKey("summary_page_statements")
                        ? "<= 5 " + mark(number("summary_page_statements") <= 5) : "",
                "aggregate_load_ms_long", "<= 3 x short (" + String.format("%.2f", loadRatio) + " x) "
                        + mark(loadRatio <= 3),
                "peak_heap_mb", "< 384 in full mode " + mark(number("peak_heap_mb") < 384));
        StringBuilder table = new StringBuilder("| measure | value | target |\n|---|---:|---|\n");
        results.forEach((key, value) -> table.append("| ").append(key).append(" | ")
                .append(format(value.doubleValue())).append(" | ")
                .append(targets.getOrDefault(key, "")).append(" |\n"));
        System.out.println();
        System.out.print(table);
        System.out.println();
        log("results written to " + out);
    }

    private double number(String key) {
        return results.get(key).doubleValue();
    }

    private static String mark(boolean met) {
        return met ? "(met)" : "(missed)";
    }

    private static String format(double value) {
        return value >= 100 ? String.format("%.0f", value) : String.format("%.3g", value);
    }

    private void put(String key, Number value) {
        results.put(key, value);
        log(key + " = " + format(value.doubleValue()));
    }

    static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }

    private static int option(List<String> args, String name, int fallback) {
        String value = text(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String text(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
