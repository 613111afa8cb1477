package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.engagementtracker.query.ProjectionStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app nodes on one PostgreSQL, without Axon Server (profiles {@code postgres,cluster}): commands sent
 * to either node in turn are never refused for a change the other node made, every recording arrives once
 * in the read models, the nodes share each projection's four segments, and when one node stops the other
 * takes its segments over and carries on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {

    private static final int ENGAGEMENTS = 8;
    private static final int RECORDINGS = 2_000;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;

    @BeforeAll
    void twoNodesOnOneDatabase() throws Exception {
        try (Connection admin = DriverManager.getConnection(PostgresHttpTest.POSTGRES.getJdbcUrl("postgres", "postgres"),
                "postgres", "postgres")) {
            admin.createStatement().execute("create database cluster");
        }
        nodeA = start("node-a");
        nodeB = start("node-b");
    }

    @AfterAll
    void stop() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{nodeB, nodeA}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(EngagementTrackerApplication.class).sources(TestClock.class)
                .profiles("postgres", "cluster").run("--server.port=0", "--engagement.node-id=" + name,
                        "--spring.datasource.url=" + PostgresHttpTest.POSTGRES.getJdbcUrl("postgres", "cluster"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                        "--engagement.security.demo-users=true", "--engagement.cluster.balance-interval=1s");
    }

    private static Api api(ConfigurableApplicationContext node) {
        return new Api(Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @Test
    void commandsToEitherNodeAreNeverRefusedAndTheNodesShareAndHandOverTheWork() throws Exception {
        List<Api> nodes = List.of(api(nodeA), api(nodeB));
        List<String> engagements = new ArrayList<>();
        for (int i = 0; i < ENGAGEMENTS; i++) {
            // each step of the set-up on the other node than the one before
            Api first = nodes.get(i % 2);
            Api second = nodes.get((i + 1) % 2);
            String id = first.post("/api/engagements", LifecycleScenario.OPEN.replace("acme-", "cluster-" + i)).id();
            assertThat(second.put("/api/engagements/" + id + "/terms", LifecycleScenario.HYBRID_TERMS).status()).isEqualTo(204);
            assertThat(first.post("/api/engagements/" + id + "/baseline", LifecycleScenario.BASELINE).status()).isEqualTo(204);
            assertThat(second.post("/api/engagements/" + id + "/start", "{\"on\": \"2026-01-05\"}").status()).isEqualTo(204);
            engagements.add(id);
        }

        AtomicInteger sent = new AtomicInteger();
        List<Integer> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                work.add(clients.submit(() -> {
                    for (int n = sent.getAndIncrement(); n < RECORDINGS; n = sent.getAndIncrement()) {
                        String id = engagements.get(n % ENGAGEMENTS);
                        String date = "2026-0" + (2 + n % 4) + "-1" + (n % 9);
                        int status = nodes.get(n % 2).post("/api/engagements/" + id + "/metrics/stockouts/recordings",
                                LifecycleScenario.recording(String.valueOf(n % 40), date)).status();
                        if (status != 201) {
                            refused.add(status);
                        }
                    }
                }));
            }
            for (Future<?> client : work) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
        assertThat(refused).as("answers other than 201").isEmpty();

        for (Api node : nodes) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(engagements.stream().mapToInt(id -> node.get(
                    "/api/engagements/" + id + "/metrics/stockouts/series").json().get("points").size()).sum())
                    .as("every recording once, in the series read from either node").isEqualTo(RECORDINGS));
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(segments(nodeA)).as("node a's share").isEqualTo(2);
            assertThat(segments(nodeB)).as("node b's share").isEqualTo(2);
        });

        for (Api node : nodes) {
            // a segment on the other node is seen as that node last stored it: a moment behind, at most
            await().atMost(PATIENCE).untilAsserted(() -> {
                var series = node.as("admin").get("/api/admin/projections").json().valueStream()
                        .filter(p -> p.get("name").asString().equals("metric-series")).findFirst().orElseThrow();
                assertThat(series.get("segments").findValuesAsString("owner")).as("every node tells the same, true story")
                        .containsExactlyInAnyOrder("node-a", "node-a", "node-b", "node-b");
                assertThat(series.get("behind").asLong()).isZero();
            });
        }

        nodeB.close();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(segments(nodeA))
                .as("node a takes over node b's segments").isEqualTo(4));
        Api survivor = nodes.get(0);
        for (String id : engagements) {
            assertThat(survivor.post("/api/engagements/" + id + "/metrics/stockouts/recordings",
                    LifecycleScenario.recording("3", "2026-06-01")).status()).isEqualTo(201);
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(engagements.stream().mapToInt(id -> survivor.get(
                "/api/engagements/" + id + "/metrics/stockouts/series").json().get("points").size()).sum())
                .isEqualTo(RECORDINGS + ENGAGEMENTS));
    }

    private static int segments(ConfigurableApplicationContext node) {
        return node.getBean(EventProcessingConfiguration.class).eventProcessor(ProjectionStream.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow().processingStatus().size();
    }
}
