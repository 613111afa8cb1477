package com.engagementtracker.bench;

import com.engagementtracker.command.web.HttpInsertEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The product as it runs in production: its own JVM, on PostgreSQL, with the heap it is meant to live in.
 * While it runs, its heap in use is sampled through the actuator every quarter second.
 */
final class AppProcess implements AutoCloseable {

    static final String MAX_HEAP = "-Xmx512m";

    private final Process process;
    private final Http http;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peakHeapBytes = new AtomicLong();

    private final String base;

    private AppProcess(Process process, Http http, String base) {
        this.process = process;
        this.http = http;
        this.base = base;
    }

    /** Where the node answers, for a client that spreads requests over several. */
    String base() {
        return base;
    }

    static AppProcess start(Path jar, String jdbcUrl, String user, String password, Path log, Path flightRecording)
            throws IOException {
        return start(jar, jdbcUrl, user, password, log, flightRecording, "postgres", null);
    }

    /** With these profiles ({@code postgres,cluster} for a node of several) and, when not null, this node id. */
    static AppProcess start(Path jar, String jdbcUrl, String user, String password, Path log, Path flightRecording,
                            String profiles, String nodeId) throws IOException {
        List<String> program = new ArrayList<>();
        if (flightRecording != null) {
            // Spring's and Axon's stacks are deeper than the recorder's default of 64 frames
            program.add("-XX:FlightRecorderOptions:stackdepth=256");
            program.add("-XX:StartFlightRecording=settings=profile,filename=" + flightRecording.toAbsolutePath());
        }
        program.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=" + profiles,
                // the harness signs in as the demo users, which production turns off
                "--engagement.security.demo-users=true"));
        Map<String, String> environment = new HashMap<>(Map.of("DB_URL", jdbcUrl, "DB_USER", user, "DB_PASSWORD", password));
        if (nodeId != null) {
            environment.put("ENGAGEMENT_NODE_ID", nodeId);
        }
        return launch(program, environment, log);
    }

    /**
     * The bench's minimal insert endpoint ({@code HttpInsertEndpoint}) in a JVM of its own with the app's flags, from
     * the harness's own class path, on the same database.
     */
    static AppProcess startInsertEndpoint(String jdbcUrl, String user, String password, Path log) throws IOException {
        return launch(List.of("-cp", System.getProperty("java.class.path"), HttpInsertEndpoint.class.getName(),
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password), Map.of(), log);
    }

    private static AppProcess launch(List<String> program, Map<String, String> environment, Path log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, MAX_HEAP, "-Daxoniq.update-checker.disabled=true"));
        command.addAll(program);
        command.add("--server.port=" + port);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        AppProcess app = new AppProcess(builder.start(), new Http("http://localhost:" + port), "http://localhost:" + port);
        app.awaitHealthy(Duration.ofSeconds(120), log);
        app.sampler.scheduleAtFixedRate(app::sampleHeap, 0, 250, TimeUnit.MILLISECONDS);
        return app;
    }

    Http http() {
        return http;
    }

    long peakHeapMb() {
        sampleHeap();
        return peakHeapBytes.get() / (1024 * 1024);
    }

    private void awaitHealthy(Duration patience, Path log) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app stopped while starting; see " + log);
            }
            try {
                if (http.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Http.pause(200);
        }
        throw new IllegalStateException("the app did not become healthy within " + patience + "; see " + log);
    }

    private void sampleHeap() {
        try {
            JsonNode metric = http.getJson("/actuator/metrics/jvm.memory.used?tag=area:heap");
            peakHeapBytes.accumulateAndGet(metric.get("measurements").get(0).get("value").asLong(), Math::max);
        } catch (RuntimeException ignored) {
            // a missed sample; the next one comes in 250 ms
        }
    }

    /** How many stored events the slowest projection has handled so far. */
    long projectedEvents() {
        long least = Long.MAX_VALUE;
        for (JsonNode projection : http.getJson("/api/admin/projections")) {
            least = Math.min(least, projection.path("position").asLong(-1) + 1);
        }
        return least == Long.MAX_VALUE ? 0 : least;
    }

    /** Waits until every projection has handled every stored event; returns how long that took. */
    Duration awaitProjections(Duration patience) {
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            JsonNode projections = http.getJson("/api/admin/projections");
            boolean done = true;
            for (JsonNode projection : projections) {
                done &= projection.get("behind").asLong() == 0 && !projection.get("replaying").asBoolean()
                        && projection.get("running").asBoolean();
            }
            if (done) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            // each report costs the app a request and a token-store read on the two cores it is being timed on (a fifth of
            // the projection thread's CPU when asked every 20 ms): ask after a hundredth of the time waited so far, at
            // least 20 ms and at most 250 ms apart, so that the answer comes at most 1 % late
            Http.pause(Math.min(250, Math.max(20, (System.nanoTime() - start) / 100_000_000)));
        }
        throw new IllegalStateException("projections still behind after " + patience + ": "
                + http.getJson("/api/admin/projections"));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
