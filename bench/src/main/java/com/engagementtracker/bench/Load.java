package com.engagementtracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Metric recordings over HTTP from 8 clients, as account teams' tools would send them. */
final class Load {

    private final Http http;
    private final LocalDate today;

    Load(Http http, LocalDate today) {
        this.http = http;
        this.today = today;
    }

    /** Opens, agrees, baselines and starts an engagement that began 400 days ago; returns its id. */
    String startedEngagement() {
        LocalDate start = today.minusDays(400);
        Http.Response opened = http.post("/api/engagements", """
                {"customerId": "bench", "customerName": "Bench Load", "title": "Load",
                 "customerJob": {"description": "load", "importance": 3, "painSeverity": 3, "gainRelevance": 3},
                 "plannedStart": "%s", "plannedEnd": "%s", "currency": "EUR"}""".formatted(start, today.plusYears(1)));
        String id = opened.json().get("id").asText();
        String base = "/api/engagements/" + id;
        expect(http.put(base + "/terms", """
                {"model": "HYBRID", "subscription": {"monthlyFee": {"amount": "3000.00", "currency": "EUR"}},
                 "gainShare": {"sharePercent": "20"}}"""), 204);
        expect(http.post(base + "/baseline", """
                {"metrics": [{"metricId": "stockouts", "name": "Stock-outs", "unit": "count",
                  "direction": "LOWER_IS_BETTER", "baselineValue": "40", "baselineFrom": "%s", "baselineTo": "%s",
                  "aggregation": "SUM", "valuePerUnit": {"amount": "250.00", "currency": "EUR"}}]}"""
                .formatted(start.minusMonths(3), start.minusDays(1))), 204);
        expect(http.post(base + "/start", "{\"on\": \"" + start + "\"}"), 204);
        return id;
    }

    private boolean record(String engagementId, long value, LocalDate date) {
        return http.post("/api/engagements/" + engagementId + "/metrics/stockouts/recordings",
                "{\"value\": \"" + value + "\", \"date\": \"" + date + "\", \"source\": \"bench\"}").status() == 201;
    }

    private LocalDate someDay() {
        return today.minusDays(ThreadLocalRandom.current().nextInt(0, 365));
    }

    /**
     * Recordings per second through the batch endpoint: 8 clients, each on an engagement of its own, send
     * {@code batchesPerClient} batches of 1,000 recordings; timed from the first batch until every projection has
     * handled them all ({@code caughtUp} waits for that), so the figure is what the product takes in and shows.
     */
    double bulkThroughput(int batchesPerClient, Runnable caughtUp) throws Exception {
        List<String> engagements = new ArrayList<>();
        for (int i = 0; i < Bench.CLIENTS; i++) {
            engagements.add(startedEngagement());
        }
        caughtUp.run();
        AtomicLong stored = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(Bench.CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (String engagement : engagements) {
            running.add(clients.submit(() -> {
                for (int batch = 0; batch < batchesPerClient; batch++) {
                    Http.Response answer = http.post("/api/engagements/" + engagement + "/recordings/batch", batch(batch));
                    expect(answer, 200);
                    stored.addAndGet(answer.json().get("stored").asLong());
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        caughtUp.run();
        double rate = stored.get() / Bench.seconds(Duration.ofNanos(System.nanoTime() - start));
        Bench.log("bulk: " + stored.get() + " recordings in batches of " + BATCH);
        return rate;
    }

    private static final int BATCH = 1_000;

    private String batch(int number) {
        StringBuilder rows = new StringBuilder("{\"recordings\": [");
        for (int n = 0; n < BATCH; n++) {
            rows.append(n == 0 ? "" : ",").append("{\"metricId\":\"stockouts\",\"value\":\"").append(n % 50)
                    .append("\",\"date\":\"").append(someDay()).append("\",\"source\":\"bench\",\"externalId\":\"b")
                    .append(number).append('-').append(n).append("\"}");
        }
        return rows.append("]}").toString();
    }

    /** What a flood achieved: recordings per second, and how many the app refused. */
    record Throughput(double perSecond, long refused) {
    }

    /** Recordings per second that 8 clients get through, each on engagements of its own, after a warm-up. */
    Throughput maximumThroughput(int seconds) throws Exception {
        List<String> engagements = new ArrayList<>();
        for (int i = 0; i < 2 * Bench.CLIENTS; i++) {
            engagements.add(startedEngagement());
        }
        return maximumThroughput(engagements, seconds);
    }

    /** The same flood on these engagements (two per client), which the endpoint must already know. */
    Throughput maximumThroughput(List<String> engagements, int seconds) throws Exception {
        flood(engagements, Math.max(1, seconds / 5));   // warm-up
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long done = flood(engagements, seconds, failed);
        double rate = done / Bench.seconds(Duration.ofNanos(System.nanoTime() - start));
        Bench.log("commands: " + done + " recorded, " + failed.get() + " refused, in " + seconds + " s");
        return new Throughput(rate, failed.get());
    }

    private long flood(List<String> engagements, int seconds) throws Exception {
        return flood(engagements, seconds, new AtomicLong());
    }

    private long flood(List<String> engagements, int seconds, AtomicLong failed) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong recorded = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(Bench.CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < Bench.CLIENTS; c++) {
            List<String> mine = List.of(engagements.get(2 * c), engagements.get(2 * c + 1));
            running.add(clients.submit(() -> {
                for (long n = 0; System.nanoTime() < deadline; n++) {
                    if (record(mine.get((int) (n % 2)), n % 50, someDay())) {
                        recorded.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        return recorded.get();
    }

    /**
     * While 7 clients record at {@code rate} per second in all, one more records on an engagement of its
     * own and measures, from each acknowledgement, how long until the summary shows the new value.
     */
    List<Double> lagAtRate(double rate, int seconds, int samples) throws Exception {
        List<String> engagements = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            engagements.add(startedEngagement());
        }
        String watched = startedEngagement();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long intervalNanos = (long) (7e9 / Math.max(rate, 1));
        ExecutorService clients = Executors.newFixedThreadPool(7);
        List<Future<?>> running = new ArrayList<>();
        for (String engagement : engagements) {
            running.add(clients.submit(() -> {
                long next = System.nanoTime();
                for (long n = 0; System.nanoTime() < deadline; n++) {
                    record(engagement, n % 50, someDay());
                    next += intervalNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Http.pause(wait / 1_000_000);
                    }
                }
                return null;
            }));
        }
        List<Double> lags = new ArrayList<>();
        for (int sample = 0; sample < samples && System.nanoTime() < deadline; sample++) {
            long value = 1000 + sample;
            if (!record(watched, value, today)) {
                throw new IllegalStateException("the watched recording was refused");
            }
            long acknowledged = System.nanoTime();
            while (!latestValueIs(watched, value)) {
                Thread.onSpinWait();
            }
            lags.add((System.nanoTime() - acknowledged) / 1e6);
            Http.pause(Math.max(1, seconds * 1000L / Math.max(samples, 1) / 2));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        Bench.log("lag: " + lags.size() + " samples at " + String.format("%.0f", rate) + " recordings/s");
        return lags;
    }

    private boolean latestValueIs(String engagementId, long value) {
        Http.Response summary = http.get("/api/engagements/" + engagementId);
        if (summary.status() != 200) {
            return false;   // the summary projection has not seen the engagement yet
        }
        JsonNode metric = summary.json().path("metrics").path(0);
        return metric.hasNonNull("latestValue") && metric.get("latestValue").asText().equals(Long.toString(value));
    }

    private static void expect(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.status() + ": " + response.body());
        }
    }
}
