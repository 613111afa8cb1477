package com.engagementtracker.query.summary;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EngagementStatus;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.events.BaselineAdjustedEvent;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.events.EngagementCompletedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.PlanChangedEvent;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.events.PersonAssignedEvent;
import com.engagementtracker.api.events.PersonReleasedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FindEngagementQuery;
import com.engagementtracker.query.JpaTestDatabase;
import com.engagementtracker.query.PersonDirectoryStub;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class EngagementSummaryProjectionTest {

    private static final EngagementId ID = new EngagementId("engagement-1");
    private static final BaselineMetric STOCKOUTS = new BaselineMetric(new MetricId("stockouts"), "Stock-outs", "count",
            Direction.LOWER_IS_BETTER, new BigDecimal("40"), LocalDate.parse("2025-10-01"),
            LocalDate.parse("2025-12-31"), "ERP", Aggregation.SUM, Money.of("250.00", "EUR"));
    private static final BaselineMetric ON_TIME = new BaselineMetric(new MetricId("on-time"), "On-time deliveries", "%",
            Direction.HIGHER_IS_BETTER, new BigDecimal("80.0"), LocalDate.parse("2025-10-01"),
            LocalDate.parse("2025-12-31"), "WMS", Aggregation.AVERAGE, null);

    private final JpaTestDatabase database = new JpaTestDatabase();
    private final EngagementSummaries summaries = new EngagementSummaries(database.entityManager(),
            PersonDirectoryStub.knowing(Map.of("ana", "Ana Lima", "ben", "Ben Okafor")));
    private final EngagementSummaryProjection projection = new EngagementSummaryProjection(database.entityManager(),
            summaries, mock(QueryUpdateEmitter.class));

    @AfterEach
    void close() {
        database.close();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private void opened() {
        database.inTransaction(em -> {
            projection.on(new EngagementOpenedEvent(ID, "acme", "ACME Logistics", "Inventory control",
                    new CustomerJob("keep stock accurate", 5, 4, 4), date("2026-01-01"), date("2026-12-31"),
                    Currency.getInstance("EUR"), new PersonId("olivia")));
            projection.on(new TermsAgreedEvent(ID, BillingModel.GAIN_SHARE, null,
                    new GainShareTerms(new BigDecimal("20"), null, null, null, true)));
            projection.on(new BaselineCapturedEvent(ID, List.of(STOCKOUTS, ON_TIME)));
            projection.on(new EngagementStartedEvent(ID, date("2026-01-05")));
        });
    }

    private void record(String recordingId, String metricId, String value, String date) {
        database.inTransaction(em -> projection.on(new MetricRecordedEvent(ID, new RecordingId(recordingId), new MetricId(metricId),
                new BigDecimal(value), null, date(date), "ERP", new PersonId("olivia"))));
    }

    private EngagementSummary summary() {
        return summaries.handle(new FindEngagementQuery(ID));
    }

    private EngagementSummary.Metric metric(int position) {
        return summary().metrics().get(position);
    }

    @Test
    void showsTheEngagementWithItsMetricsInBaselineOrder() {
        opened();

        EngagementSummary summary = summary();

        assertThat(summary.status()).isEqualTo(EngagementStatus.ACTIVE);
        assertThat(summary.model()).isEqualTo(BillingModel.GAIN_SHARE);
        assertThat(summary.startedOn()).isEqualTo(date("2026-01-05"));
        assertThat(summary.metrics()).extracting(EngagementSummary.Metric::metricId).containsExactly(new MetricId("stockouts"), new MetricId("on-time"));
        assertThat(metric(1).baselineValue()).isEqualTo(new BigDecimal("80"));
        assertThat(metric(1).latestValue()).isNull();
        assertThat(metric(1).improvement()).isNull();
    }

    @Test
    void comparesTheLatestValueWithTheBaselineInTheMetricsDirection() {
        opened();
        record("r-1", "stockouts", "12", "2026-01-31");
        record("r-2", "on-time", "86.5", "2026-01-31");

        assertThat(metric(0).latestValue()).isEqualTo(new BigDecimal("12"));
        assertThat(metric(0).improvement()).isEqualTo(new BigDecimal("28"));
        assertThat(metric(0).improvementPercent()).isEqualTo(new BigDecimal("70.00"));
        assertThat(metric(1).improvement()).isEqualTo(new BigDecimal("6.5"));
        assertThat(metric(1).improvementPercent()).isEqualTo(new BigDecimal("8.12"));   // 8.125, half to even
    }

    @Test
    void aBackDatedRecordingDoesNotReplaceTheLatestValue() {
        opened();
        record("r-1", "stockouts", "12", "2026-02-28");
        record("r-2", "stockouts", "30", "2026-01-31");

        assertThat(metric(0).latestValue()).isEqualTo(new BigDecimal("12"));
        assertThat(metric(0).latestDate()).isEqualTo(date("2026-02-28"));
    }

    @Test
    void aCorrectionOfTheLatestRecordingShowsAtOnceAndOneOfAnOlderOneDoesNot() {
        opened();
        record("r-1", "stockouts", "30", "2026-01-31");
        record("r-2", "stockouts", "12", "2026-02-28");

        database.inTransaction(em -> projection.on(new MetricCorrectedEvent(ID, new RecordingId("r-1"), new MetricId("stockouts"), date("2026-01-31"),
                new BigDecimal("30"), new BigDecimal("25"), "recount", new PersonId("olivia"))));
        assertThat(metric(0).latestValue()).isEqualTo(new BigDecimal("12"));

        database.inTransaction(em -> projection.on(new MetricCorrectedEvent(ID, new RecordingId("r-2"), new MetricId("stockouts"), date("2026-02-28"),
                new BigDecimal("12"), new BigDecimal("14"), "recount", new PersonId("olivia"))));
        assertThat(metric(0).latestValue()).isEqualTo(new BigDecimal("14"));
        assertThat(metric(0).improvement()).isEqualTo(new BigDecimal("26"));
    }

    @Test
    void anAdjustedBaselineChangesTheImprovement() {
        opened();
        record("r-1", "stockouts", "12", "2026-01-31");
        database.inTransaction(em -> projection.on(new BaselineAdjustedEvent(ID, new MetricId("stockouts"), new BigDecimal("40"),
                new BigDecimal("42"), "incomplete December count")));

        assertThat(metric(0).baselineValue()).isEqualTo(new BigDecimal("42"));
        assertThat(metric(0).improvement()).isEqualTo(new BigDecimal("30"));
    }

    @Test
    void listsPeopleWithTheirOrganisationAndRelease() {
        opened();
        database.inTransaction(em -> {
            projection.on(new PersonAssignedEvent(ID, new PersonId("ana"), OrganisationKind.PARTNER, "Porto University",
                    "analyst", new BigDecimal("50"), date("2026-01-05"), date("2026-06-30")), "event-1");
            projection.on(new PersonAssignedEvent(ID, new PersonId("ben"), OrganisationKind.SUPPLIER, null,
                    "lead", new BigDecimal("100"), date("2026-01-05"), date("2026-12-31")), "event-2");
            projection.on(new PersonReleasedEvent(ID, new PersonId("ana"), date("2026-03-31")));
        });

        assertThat(summary().people()).containsExactly(
                new EngagementSummary.Person(new PersonId("ana"), "Ana Lima", OrganisationKind.PARTNER, "Porto University", "analyst",
                        new BigDecimal("50"), date("2026-01-05"), date("2026-06-30"), date("2026-03-31")),
                new EngagementSummary.Person(new PersonId("ben"), "Ben Okafor", OrganisationKind.SUPPLIER, null, "lead",
                        new BigDecimal("100"), date("2026-01-05"), date("2026-12-31"), null));
    }

    @Test
    void aReplayAfterAResetLeavesTheSameSummary() {
        opened();
        record("r-1", "stockouts", "12", "2026-01-31");
        database.inTransaction(em -> projection.on(new PersonAssignedEvent(ID, new PersonId("ana"),
                OrganisationKind.PARTNER, "Porto University", "analyst", new BigDecimal("50"), date("2026-01-05"),
                date("2026-06-30")), "event-1"));
        EngagementSummary once = summary();

        database.inTransaction(em -> projection.reset());
        opened();
        record("r-1", "stockouts", "12", "2026-01-31");
        database.inTransaction(em -> projection.on(new PersonAssignedEvent(ID, new PersonId("ana"),
                OrganisationKind.PARTNER, "Porto University", "analyst", new BigDecimal("50"), date("2026-01-05"),
                date("2026-06-30")), "event-1"));

        assertThat(summary()).isEqualTo(once);
    }

    @Test
    void showsThePlanAsLastChanged() {
        opened();
        database.inTransaction(em -> projection.on(new PlanChangedEvent(ID, date("2026-01-01"), date("2026-12-31"),
                date("2026-01-01"), date("2027-03-31"), "the customer added a warehouse")));

        assertThat(summary().plannedStart()).isEqualTo(date("2026-01-01"));
        assertThat(summary().plannedEnd()).isEqualTo(date("2027-03-31"));
    }

    @Test
    void showsTheEndOfTheEngagement() {
        opened();
        database.inTransaction(em -> projection.on(new EngagementCompletedEvent(ID, date("2026-05-31"), "done")));

        assertThat(summary().status()).isEqualTo(EngagementStatus.COMPLETED);
        assertThat(summary().endedOn()).isEqualTo(date("2026-05-31"));
    }

    @Test
    void knowsNothingOfAnUnknownEngagement() {
        assertThat(summaries.handle(new FindEngagementQuery(new EngagementId("nope")))).isNull();
    }
}
