package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Invoice numbers stay consecutive without gaps or duplicates when runs for overlapping months go at once,
 * repeat, and arrive out of order: four clients each run the months January to May in their own random order
 * (seed in the test's name), against ten engagements. Afterwards the numbers are exactly 1 to N, and each
 * engagement was invoiced each month's charge once: 5000.00 EUR for January to May at 1000.00 a month.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:numbering;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceNumberingTest extends H2HttpTest {

    private static final int ENGAGEMENTS = 10;
    private static final String TERMS = """
            {"model": "SUBSCRIPTION", "subscription": {"monthlyFee": {"amount": "1000.00", "currency": "EUR"}}}""";
    private final List<String> engagements = new ArrayList<>();

    @BeforeAll
    void tenEngagementsAtAThousandAMonthFromJanuary() {
        Api api = api();
        for (int i = 0; i < ENGAGEMENTS; i++) {
            String id = api.post("/api/engagements", LifecycleScenario.OPEN.replace("acme-", "numbering-" + i)).id();
            api.put("/api/engagements/" + id + "/terms", TERMS);
            api.post("/api/engagements/" + id + "/baseline", LifecycleScenario.BASELINE);
            api.post("/api/engagements/" + id + "/start", "{\"on\": \"2026-01-01\"}");
            engagements.add(id);
        }
        new LifecycleScenario(api).awaitProjections();
    }

    @RepeatedTest(3)
    void concurrentRepeatedAndOutOfOrderRunsLeaveNoGapAndInvoiceNothingTwice() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> months = List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-05");
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                List<String> order = new ArrayList<>(months);
                Collections.shuffle(order, random);
                runs.add(clients.submit(() -> order.forEach(month -> assertThat(api().post("/api/billing/invoice-runs",
                        "{\"month\": \"" + month + "\"}").status()).as("seed " + seed).isEqualTo(200))));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            clients.shutdown();
        }
        new LifecycleScenario(api()).awaitProjections();

        List<String> numbers = new ArrayList<>();
        for (String id : engagements) {
            JsonNode invoices = api().get("/api/engagements/" + id + "/invoices").json();
            BigDecimal invoiced = BigDecimal.ZERO;
            for (JsonNode invoice : invoices) {
                numbers.add(invoice.get("number").asString());
                invoiced = invoiced.add(new BigDecimal(invoice.get("total").get("amount").asString()));
            }
            assertThat(invoiced).as("seed " + seed + ": January to May invoiced once").isEqualByComparingTo("5000.00");
        }
        Collections.sort(numbers);
        assertThat(numbers).as("seed " + seed).isEqualTo(IntStream.rangeClosed(1, numbers.size())
                .mapToObj(n -> String.format("INV-2026-%06d", n)).toList());
        assertThat(numbers.size()).as("one to five invoices per engagement, however the runs interleaved")
                .isBetween(ENGAGEMENTS, ENGAGEMENTS * 5);
    }
}
