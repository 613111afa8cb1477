package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EngagementStatus;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FetchMetricSeriesQuery;
import com.engagementtracker.api.queries.FetchStatementsQuery;
import com.engagementtracker.api.queries.FindEngagementQuery;
import com.engagementtracker.api.queries.GainShareStatements;
import com.engagementtracker.api.queries.MetricSeries;
import java.math.BigDecimal;
import java.time.Duration;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Subscription queries: a subscriber gets the new answer when an event changes it, without asking again. */
class LiveUpdatesTest extends H2HttpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    QueryGateway queries;

    private LifecycleScenario scenario;
    private String id;

    @BeforeEach
    void anActiveEngagement() {
        scenario = new LifecycleScenario(api());
        id = scenario.openAndStart();
        scenario.awaitProjections();
    }

    @Test
    void aSummarySubscriberSeesARecordedMetricArrive() {
        try (SubscriptionQueryResult<EngagementSummary, EngagementSummary> summary = queries.subscriptionQuery(
                new FindEngagementQuery(new EngagementId(id)), EngagementSummary.class, EngagementSummary.class)) {
            EngagementSummary initial = summary.initialResult().block(PATIENCE);
            assertThat(initial.status()).isEqualTo(EngagementStatus.ACTIVE);
            assertThat(initial.metrics().get(0).latestValue()).isNull();

            api().post("/api/engagements/" + id + "/metrics/stockouts/recordings",
                    LifecycleScenario.recording("12", "2026-01-31"));

            EngagementSummary update = summary.updates()
                    .filter(s -> s.metrics().get(0).latestValue() != null)
                    .blockFirst(PATIENCE);
            assertThat(update.metrics().get(0).latestValue()).isEqualTo(new BigDecimal("12"));
            assertThat(update.metrics().get(0).improvement()).isEqualTo(new BigDecimal("28"));
        }
    }

    @Test
    void aSeriesSubscriberSeesEachNewPoint() {
        try (SubscriptionQueryResult<MetricSeries, MetricSeries> series = queries.subscriptionQuery(
                new FetchMetricSeriesQuery(new EngagementId(id), new MetricId("stockouts")), MetricSeries.class,
                MetricSeries.class)) {
            assertThat(series.initialResult().block(PATIENCE).points()).isEmpty();

            api().post("/api/engagements/" + id + "/metrics/stockouts/recordings",
                    LifecycleScenario.recording("31", "2026-01-31"));

            MetricSeries update = series.updates().blockFirst(PATIENCE);
            assertThat(update.points()).hasSize(1);
            assertThat(update.points().get(0).value()).isEqualTo(new BigDecimal("31"));
        }
    }

    @Test
    void aStatementsSubscriberSeesASettlementAndItsConfirmation() {
        api().post("/api/engagements/" + id + "/metrics/stockouts/recordings",
                LifecycleScenario.recording("12", "2026-01-31"));
        scenario.awaitProjections();
        try (SubscriptionQueryResult<GainShareStatements, GainShareStatements> statements = queries.subscriptionQuery(
                new FetchStatementsQuery(new EngagementId(id)), GainShareStatements.class, GainShareStatements.class)) {
            assertThat(statements.initialResult().block(PATIENCE).statements()).isEmpty();

            String statementId = api().post("/api/engagements/" + id + "/settlements",
                    LifecycleScenario.period("2026-01-01", "2026-01-31")).json().get("id").asString();
            api().post("/api/engagements/" + id + "/settlements/" + statementId + "/confirmation", "");

            GainShareStatements confirmed = statements.updates()
                    .filter(update -> !update.statements().isEmpty()
                            && update.statements().get(0).status() == StatementStatus.CONFIRMED)
                    .blockFirst(PATIENCE);
            assertThat(confirmed.statements().get(0).supplierShare().amount()).isEqualTo(new BigDecimal("1400.00"));
        }
    }
}
