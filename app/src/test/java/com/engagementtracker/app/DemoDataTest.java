package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code --demo} fills an empty store with living engagements for the demo customers, through the ordinary
 * commands, and never twice.
 */
class DemoDataTest {

    private static final String[] ARGUMENTS = {"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1",
            "--demo"};

    @Test
    void aNewcomerSeesLivingEngagementsForEachDemoCustomer() {
        try (ConfigurableApplicationContext app = start()) {
            Api api = api(app);
            ReadModels.awaitCaughtUp(api, Duration.ofSeconds(30));
            JsonNode all = api.get("/api/engagements?size=100").json();
            assertThat(all.get("totalElements").asLong()).isEqualTo(3);
            assertThat(titles(api.as("customer-acme").get("/api/engagements").json()))
                    .containsExactlyInAnyOrder("Inventory control", "Returns reduction");
            assertThat(titles(api.as("customer-globex").get("/api/engagements").json())).containsExactly("Warehouse analytics");

            JsonNode inventory = all.get("content").valueStream()
                    .filter(e -> e.get("title").asString().equals("Inventory control")).findFirst().orElseThrow();
            String base = "/api/engagements/" + inventory.get("id").asString();
            // today is 2026-06-15 (TestClock): January to May are settled; February was disputed and resolved
            JsonNode statements = api.get(base + "/statements").json();
            assertThat(statements.valueStream().map(s -> s.get("periodStart").asString() + " " + s.get("status").asString()))
                    .containsExactly("2026-01-01 CONFIRMED", "2026-02-01 RESOLVED", "2026-03-01 CONFIRMED",
                            "2026-04-01 CONFIRMED", "2026-05-01 SETTLED");
            assertThat(inventory.get("people").valueStream().map(p -> p.get("displayName").asString()))
                    .containsExactly("Ana Lima", "Ben Okafor", "Carla Reyes");
            assertThat(inventory.get("paidToDate").get("amount").asString()).isEqualTo("9000.00");
            assertThat(api.get(base + "/history").json().get(0).get("actor").asString()).isEqualTo("demo-loader");
            // invoiced month by month: each month's subscription, and the statements agreed for periods ending in it;
            // the 9000.00 paid settles the oldest invoices first
            JsonNode invoices = api.get(base + "/invoices").json();
            assertThat(invoices.valueStream().map(i -> i.get("month").asString() + " " + i.get("lines").findValuesAsString("kind")))
                    .containsExactly("2026-01 [SUBSCRIPTION, GAIN_SHARE]", "2026-02 [SUBSCRIPTION, GAIN_SHARE]",
                            "2026-03 [SUBSCRIPTION, GAIN_SHARE]", "2026-04 [SUBSCRIPTION, GAIN_SHARE]", "2026-05 [SUBSCRIPTION]");
            assertThat(invoices.valueStream().map(i -> new java.math.BigDecimal(i.get("paid").get("amount").asString()))
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo("9000.00");
            assertThat(invoices.get(0).get("status").asString()).isEqualTo("PAID");
        }
        try (ConfigurableApplicationContext again = start()) {
            Api api = api(again);
            ReadModels.awaitCaughtUp(api, Duration.ofSeconds(30));
            assertThat(api.get("/api/engagements").json().get("totalElements").asLong()).as("not loaded twice").isEqualTo(3);
        }
    }

    private static List<String> titles(JsonNode page) {
        return page.get("content").valueStream().map(e -> e.get("title").asString()).toList();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(EngagementTrackerApplication.class).sources(TestClock.class).run(ARGUMENTS);
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
    }
}
