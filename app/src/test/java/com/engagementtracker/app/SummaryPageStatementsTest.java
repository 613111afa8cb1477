package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A page of summaries costs the database the same few statements whether it shows 2 engagements or 8, each with
 * its people and metrics: one query per table for the whole page, never one per engagement.
 */
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:summary-statements;DB_CLOSE_DELAY=-1",
        "spring.jpa.properties.hibernate.session_factory.statement_inspector=com.engagementtracker.app.StatementCounter"})
class SummaryPageStatementsTest extends H2HttpTest {

    @Test
    void aPageOfSummariesRunsAsManyStatementsWhateverItsSize() {
        addEngagements(2);
        int small = statementsForAPage(2);
        addEngagements(6);
        int large = statementsForAPage(8);
        assertThat(large).isEqualTo(small);
        // the page with its total, people, metrics, their names, and the money from one read of the billing tables
        assertThat(large).isEqualTo(5);
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
