package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;

/**
 * A page of summaries costs the database the same few statements whether it shows 2 engagements or 8, each with
 * its people and metrics: one query per table for the whole page, never one per engagement.
 */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:summary-statements;DB_CLOSE_DELAY=-1",
        "spring.jpa.properties.hibernate.session_factory.statement_inspector=com.engagementtracker.app.StatementCounter"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SummaryPageStatementsTest extends H2HttpTest {

    @Test
    @Order(1)   // counts the engagements it adds: before the other test adds its own
    void aPageOfSummariesRunsAsManyStatementsWhateverItsSize() {
        addEngagements(2);
        int small = statementsForAPage(2);
        addEngagements(6);
        int large = statementsForAPage(8);
        assertThat(large).isEqualTo(small);
        // the page with its total, people, metrics, their names, and the money from one read of the billing tables
        assertThat(large).isEqualTo(5);
    }

    /** The total travels in the page's rows; a page past the last has none, and counts on its own. */
    @Test
    @Order(2)
    void everyPageKnowsTheTotalEvenPastTheLast() {
        addEngagements(3);
        long total = api().get("/api/engagements?size=100").json().get("totalElements").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        long lastPage = (total - 1) / 2;

        Api.Response first = api().get("/api/engagements?size=2&page=0");
        assertThat(first.json().get("content")).hasSize(2);
        assertThat(first.json().get("totalElements").asLong()).isEqualTo(total);
        assertThat(first.json().get("totalPages").asLong()).isEqualTo(lastPage + 1);
        Api.Response last = api().get("/api/engagements?size=2&page=" + lastPage);
        assertThat(last.json().get("content")).hasSize((int) (total - 2 * lastPage));
        assertThat(last.json().get("totalElements").asLong()).isEqualTo(total);

        StatementCounter.REQUESTS.set(0);
        Api.Response past = api().get("/api/engagements?size=2&page=" + (lastPage + 1));
        assertThat(past.json().get("content")).isEmpty();
        assertThat(past.json().get("totalElements").asLong()).isEqualTo(total);
        assertThat(past.json().get("totalPages").asLong()).isEqualTo(lastPage + 1);
        assertThat(StatementCounter.REQUESTS.get()).as("the empty page, then its count").isEqualTo(2);
    }

    private void addEngagements(int count) {
        for (int i = 0; i < count; i++) {
            LifecycleScenario scenario = new LifecycleScenario(api());
            String id = scenario.openAndStart();
            api().post("/api/engagements/" + id + "/assignments", LifecycleScenario.assignment("ana-" + i + "-" + id.substring(0, 8),
                    "Ana Lima", "PARTNER", "Porto University", "50"));
        }
        new LifecycleScenario(api()).awaitProjections();
    }

    private int statementsForAPage(int engagements) {
        StatementCounter.REQUESTS.set(0);
        Api.Response page = api().get("/api/engagements?size=100");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("content")).hasSize(engagements);
        assertThat(page.json().get("content").get(0).get("people")).hasSize(1);
        return StatementCounter.REQUESTS.get();
    }
}
