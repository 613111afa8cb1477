package com.engagementtracker.command;

import static com.engagementtracker.command.EngagementFixtures.BASELINE;
import static com.engagementtracker.command.EngagementFixtures.EUR;
import static com.engagementtracker.command.EngagementFixtures.HYBRID_TERMS;
import static com.engagementtracker.command.EngagementFixtures.ID;
import static com.engagementtracker.command.EngagementFixtures.JOB;
import static com.engagementtracker.command.EngagementFixtures.ON_TIME;
import static com.engagementtracker.command.EngagementFixtures.OPENED;
import static com.engagementtracker.command.EngagementFixtures.STARTED;
import static com.engagementtracker.command.EngagementFixtures.STOCKOUTS;
import static com.engagementtracker.command.EngagementFixtures.SUBSCRIPTION_TERMS;
import static com.engagementtracker.command.EngagementFixtures.eur;
import static com.engagementtracker.command.EngagementFixtures.gainShare;
import static com.engagementtracker.command.EngagementFixtures.metric;
import static com.engagementtracker.command.EngagementFixtures.payment;
import static com.engagementtracker.command.EngagementFixtures.person;
import static com.engagementtracker.command.EngagementFixtures.recorded;
import static com.engagementtracker.command.EngagementFixtures.recording;
import static com.engagementtracker.command.EngagementFixtures.statement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.DocumentType;
import com.engagementtracker.api.SettlementPeriod;
import com.engagementtracker.api.CapApplied;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.InvalidValue;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.Rule;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.SubscriptionTerms;
import com.engagementtracker.api.commands.AdjustBaselineCommand;
import com.engagementtracker.api.commands.AgreeTermsCommand;
import com.engagementtracker.api.commands.AssignPersonCommand;
import com.engagementtracker.api.commands.CancelEngagementCommand;
import com.engagementtracker.api.commands.ChangePlanCommand;
import com.engagementtracker.api.commands.CaptureBaselineCommand;
import com.engagementtracker.api.commands.ChangeSubscriptionFeeCommand;
import com.engagementtracker.api.commands.CompleteEngagementCommand;
import com.engagementtracker.api.commands.ConfirmGainShareCommand;
import com.engagementtracker.api.commands.CorrectMetricCommand;
import com.engagementtracker.api.commands.DisputeGainShareCommand;
import com.engagementtracker.api.commands.OpenEngagementCommand;
import com.engagementtracker.api.commands.RecordMetricCommand;
import com.engagementtracker.api.commands.RecordPaymentCommand;
import com.engagementtracker.api.commands.ReleasePersonCommand;
import com.engagementtracker.api.commands.ResolveGainShareCommand;
import com.engagementtracker.api.commands.SettleGainShareCommand;
import com.engagementtracker.api.commands.StartEngagementCommand;
import com.engagementtracker.api.events.BaselineAdjustedEvent;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.InvoiceIssuedEvent;
import com.engagementtracker.api.events.PlanChangedEvent;
import com.engagementtracker.api.events.EngagementCancelledEvent;
import com.engagementtracker.api.events.EngagementCompletedEvent;
import com.engagementtracker.api.events.GainShareConfirmedEvent;
import com.engagementtracker.api.events.GainShareDisputedEvent;
import com.engagementtracker.api.events.GainShareResolvedEvent;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.events.PaymentRecordedEvent;
import com.engagementtracker.api.events.PersonAssignedEvent;
import com.engagementtracker.api.events.PersonReleasedEvent;
import com.engagementtracker.api.events.SubscriptionFeeChangedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every command of the engagement: what it records when allowed, and that a refusal records nothing. */
class EngagementTest {

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = EngagementFixtures.fixture();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Matcher<RuleViolationException> violates(Rule rule) {
        return new CustomTypeSafeMatcher<>("a violation of " + rule) {
            @Override
            protected boolean matchesSafely(RuleViolationException e) {
                return e.rule() == rule;
            }
        };
    }

    private static <T> Matcher<T> where(String description, Predicate<T> predicate) {
        return new CustomTypeSafeMatcher<>(description) {
            @Override
            @SuppressWarnings("unchecked")
            protected boolean matchesSafely(Object item) {
                return predicate.test((T) item);
            }
        };
    }

    private void rejects(List<Object> given, Object command, Rule rule) {
        fixture.given(given).when(command).expectNoEvents().expectException(violates(rule));
    }

    private static List<Object> active(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(OPENED, HYBRID_TERMS, BASELINE, STARTED));
        events.addAll(List.of(more));
        return events;
    }

    private static GainSharedEvent settledJanuary() {
        // 12 stock-outs in January against 40: 28 fewer, each worth 250.00, 20 % to the supplier
        return new GainSharedEvent(ID, statement("s-1"), date("2026-01-01"), date("2026-01-31"),
                new GainShareBreakdown(List.of(), new BigDecimal("7000.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, new BigDecimal("7000.00"), new BigDecimal("20"), new BigDecimal("1400.00"),
                        CapApplied.NONE, eur("1400.00"), eur("5600.00")));
    }

    @Nested
    class Opening {

        @Test
        void opensAnEngagementWithItsCustomerJobAndPlan() {
            fixture.givenNoPriorActivity()
                    .when(new OpenEngagementCommand(ID, "acme", "ACME Logistics", "Inventory control", JOB,
                            date("2026-01-01"), date("2026-12-31"), EUR, person("olivia")))
                    .expectEvents(OPENED);
        }

        @Test
        void aPlanThatEndsBeforeItStartsCannotEvenBeAsked() {
            assertThatThrownBy(() -> new OpenEngagementCommand(ID, "acme", "ACME Logistics", "Inventory control", JOB,
                    date("2026-12-31"), date("2026-01-01"), EUR, person("olivia")))
                    .isInstanceOf(InvalidValue.class).hasMessage("must not be before plannedStart");
        }
    }

    @Nested
    class Terms {

        @Test
        void agreesHybridTerms() {
            fixture.given(OPENED)
                    .when(new AgreeTermsCommand(ID, BillingModel.HYBRID, new SubscriptionTerms(eur("3000.00")),
                            gainShare("20")))
                    .expectEvents(HYBRID_TERMS);
        }

        @Test
        void replacesTermsBeforeTheWorkStarts() {
            fixture.given(OPENED, HYBRID_TERMS)
                    .when(new AgreeTermsCommand(ID, BillingModel.SUBSCRIPTION, new SubscriptionTerms(eur("3000.00")), null))
                    .expectEvents(SUBSCRIPTION_TERMS);
        }

        @Test
        void cannotChangeTermsOnceStarted() {
            rejects(active(), new AgreeTermsCommand(ID, BillingModel.SUBSCRIPTION,
                    new SubscriptionTerms(eur("3000.00")), null), Rule.TERMS_LOCKED);
        }

        @Test
        void refusesAFeeInAnotherCurrency() {
            rejects(List.of(OPENED), new AgreeTermsCommand(ID, BillingModel.SUBSCRIPTION,
                    new SubscriptionTerms(Money.of("3000.00", "USD")), null), Rule.CURRENCY_MISMATCH);
        }

        @Test
        void refusesACapInAnotherCurrency() {
            GainShareTerms capInUsd = new GainShareTerms(new BigDecimal("20"), null, Money.of("100.00", "USD"), null, true);
            rejects(List.of(OPENED), new AgreeTermsCommand(ID, BillingModel.GAIN_SHARE, null, capInUsd),
                    Rule.CURRENCY_MISMATCH);
        }

        @Test
        void aModelWithoutItsParametersCannotEvenBeAsked() {
            assertThatThrownBy(() -> new AgreeTermsCommand(ID, BillingModel.HYBRID, new SubscriptionTerms(eur("3000.00")), null))
                    .isInstanceOf(InvalidValue.class).hasMessage("is required for the GAIN_SHARE and HYBRID models, and only for them")
                    .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("gainShare"));
        }

        @Test
        void cannotAgreeTermsOnACancelledEngagement() {
            rejects(List.of(OPENED, new EngagementCancelledEvent(ID, date("2026-01-02"), "budget cut")),
                    new AgreeTermsCommand(ID, BillingModel.SUBSCRIPTION, new SubscriptionTerms(eur("3000.00")), null),
                    Rule.ENGAGEMENT_ENDED);
        }
    }

    @Nested
    class Baseline {

        @Test
        void capturesTheBaseline() {
            fixture.given(OPENED, HYBRID_TERMS)
                    .when(new CaptureBaselineCommand(ID, List.of(STOCKOUTS, ON_TIME)))
                    .expectEvents(BASELINE);
        }

        @Test
        void cannotCaptureASecondBaseline() {
            rejects(List.of(OPENED, BASELINE), new CaptureBaselineCommand(ID, List.of(STOCKOUTS)),
                    Rule.BASELINE_ALREADY_CAPTURED);
        }

        @Test
        void refusesTheSameMetricTwice() {
            rejects(List.of(OPENED), new CaptureBaselineCommand(ID, List.of(STOCKOUTS, STOCKOUTS)), Rule.DUPLICATE_METRIC);
        }

        @Test
        void refusesAValuePerUnitInAnotherCurrency() {
            var inUsd = new com.engagementtracker.api.BaselineMetric(metric("stockouts"), "Stock-outs", "count",
                    STOCKOUTS.direction(), STOCKOUTS.baselineValue(), STOCKOUTS.baselineFrom(), STOCKOUTS.baselineTo(),
                    "ERP", STOCKOUTS.aggregation(), Money.of("250.00", "USD"));
            rejects(List.of(OPENED), new CaptureBaselineCommand(ID, List.of(inUsd)), Rule.CURRENCY_MISMATCH);
        }

        @Test
        void refusesAnEmptyBaseline() {
            fixture.given(OPENED).when(new CaptureBaselineCommand(ID, List.of()))
                    .expectNoEvents().expectException(IllegalArgumentException.class);
        }

        @Test
        void adjustsAMetricsBaselineWithAReasonBeforeTheFirstSettlement() {
            fixture.given(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31")))
                    .when(new AdjustBaselineCommand(ID, metric("stockouts"), new BigDecimal("42"), "December count was incomplete"))
                    .expectEvents(new BaselineAdjustedEvent(ID, metric("stockouts"), new BigDecimal("40"), new BigDecimal("42"),
                            "December count was incomplete"));
        }

        @Test
        void theBaselineIsLockedAfterTheFirstSettlement() {
            rejects(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31"), settledJanuary()),
                    new AdjustBaselineCommand(ID, metric("stockouts"), new BigDecimal("42"), "late"), Rule.BASELINE_LOCKED);
        }

        @Test
        void cannotAdjustAnUnknownMetric() {
            rejects(active(), new AdjustBaselineCommand(ID, metric("returns"), BigDecimal.ONE, "typo"), Rule.METRIC_NOT_FOUND);
        }

        @Test
        void cannotAdjustBeforeTheBaselineExists() {
            rejects(List.of(OPENED), new AdjustBaselineCommand(ID, metric("stockouts"), BigDecimal.ONE, "typo"),
                    Rule.BASELINE_NOT_CAPTURED);
        }
    }

    @Nested
    class People {

        private AssignPersonCommand assignAna(String percent, String from, String to) {
            return new AssignPersonCommand(ID, person("ana"), OrganisationKind.PARTNER, "Porto University",
                    "data analyst", new BigDecimal(percent), date(from), date(to));
        }

        private final PersonAssignedEvent anaAssigned = new PersonAssignedEvent(ID, person("ana"),
                OrganisationKind.PARTNER, "Porto University", "data analyst", new BigDecimal("50"),
                date("2026-01-05"), date("2026-03-31"));

        @Test
        void aDayRateTravelsWithTheAssignmentInTheEngagementsCurrency() {
            AssignPersonCommand withRate = new AssignPersonCommand(ID, person("ana"), OrganisationKind.PARTNER, "Porto University",
                    "data analyst", new BigDecimal("50"), date("2026-01-05"), date("2026-03-31"), Money.of("640.00", "EUR"));
            fixture.given(OPENED).when(withRate).expectEvents(new PersonAssignedEvent(ID, person("ana"),
                    OrganisationKind.PARTNER, "Porto University", "data analyst", new BigDecimal("50"),
                    date("2026-01-05"), date("2026-03-31"), Money.of("640.00", "EUR")));
            AssignPersonCommand inDollars = new AssignPersonCommand(ID, person("ana"), OrganisationKind.PARTNER, "Porto University",
                    "data analyst", new BigDecimal("50"), date("2026-01-05"), date("2026-03-31"), Money.of("700.00", "USD"));
            rejects(List.of(OPENED), inDollars, Rule.CURRENCY_MISMATCH);
        }

        @Test
        void assignsAPartnerPersonPartTime() {
            fixture.given(OPENED).when(assignAna("50", "2026-01-05", "2026-03-31")).expectEvents(anaAssigned);
        }

        @Test
        void anAllocationOutsideOneToHundredPercentCannotEvenBeAsked() {
            // the rule lives in the command itself: no such command reaches the engagement
            assertThatThrownBy(() -> assignAna("140", "2026-01-05", "2026-03-31")).isInstanceOf(InvalidValue.class)
                    .hasMessage("must be from 1 to 100, got 140")
                    .satisfies(e -> assertThat(((InvalidValue) e).field()).isEqualTo("allocationPercent"));
            assertThatThrownBy(() -> assignAna("0.5", "2026-01-05", "2026-03-31")).isInstanceOf(InvalidValue.class);
        }

        @Test
        void refusesAnAssignmentRunningPastThePlannedEnd() {
            rejects(List.of(OPENED), assignAna("50", "2026-06-01", "2027-01-31"), Rule.ASSIGNMENT_OUTSIDE_ENGAGEMENT);
        }

        @Test
        void refusesAnAssignmentBeforeThePlannedStart() {
            rejects(List.of(OPENED), assignAna("50", "2025-12-01", "2026-01-31"), Rule.ASSIGNMENT_OUTSIDE_ENGAGEMENT);
        }

        @Test
        void cannotAssignSomeoneWhoIsAlreadyAssigned() {
            rejects(List.of(OPENED, anaAssigned), assignAna("20", "2026-04-01", "2026-05-31"),
                    Rule.PERSON_ALREADY_ASSIGNED);
        }

        @Test
        void releasesAPersonWithinTheirAssignment() {
            fixture.given(OPENED, anaAssigned)
                    .when(new ReleasePersonCommand(ID, person("ana"), date("2026-02-28")))
                    .expectEvents(new PersonReleasedEvent(ID, person("ana"), date("2026-02-28")));
        }

        @Test
        void reassignsSomeoneAfterTheirRelease() {
            fixture.given(OPENED, anaAssigned, new PersonReleasedEvent(ID, person("ana"), date("2026-02-28")))
                    .when(assignAna("20", "2026-04-01", "2026-05-31"))
                    .expectEvents(new PersonAssignedEvent(ID, person("ana"), OrganisationKind.PARTNER,
                            "Porto University", "data analyst", new BigDecimal("20"), date("2026-04-01"),
                            date("2026-05-31")));
        }

        @Test
        void cannotReleaseSomeoneNotAssigned() {
            rejects(List.of(OPENED), new ReleasePersonCommand(ID, person("ana"), date("2026-02-28")), Rule.PERSON_NOT_ASSIGNED);
        }

        @Test
        void cannotReleaseOutsideTheAssignment() {
            rejects(List.of(OPENED, anaAssigned), new ReleasePersonCommand(ID, person("ana"), date("2026-04-15")),
                    Rule.RELEASE_OUTSIDE_ASSIGNMENT);
        }

        @Test
        void cannotAssignOnACompletedEngagement() {
            rejects(active(new EngagementCompletedEvent(ID, date("2026-05-31"), "done")),
                    assignAna("50", "2026-01-05", "2026-03-31"), Rule.ENGAGEMENT_ENDED);
        }
    }

    @Nested
    class Starting {

        @Test
        void startsOnceTermsAndBaselineExist() {
            fixture.given(OPENED, HYBRID_TERMS, BASELINE)
                    .when(new StartEngagementCommand(ID, date("2026-01-05")))
                    .expectEvents(STARTED);
        }

        @Test
        void cannotStartWithoutTerms() {
            rejects(List.of(OPENED, BASELINE), new StartEngagementCommand(ID, date("2026-01-05")), Rule.TERMS_NOT_AGREED);
        }

        @Test
        void cannotStartWithoutABaseline() {
            rejects(List.of(OPENED, HYBRID_TERMS), new StartEngagementCommand(ID, date("2026-01-05")),
                    Rule.BASELINE_NOT_CAPTURED);
        }

        @Test
        void cannotStartTwice() {
            rejects(active(), new StartEngagementCommand(ID, date("2026-01-06")), Rule.ALREADY_STARTED);
        }

        @Test
        void cannotStartTomorrow() {
            rejects(List.of(OPENED, HYBRID_TERMS, BASELINE), new StartEngagementCommand(ID, date("2026-06-16")),
                    Rule.DATE_IN_FUTURE);
        }

        @Test
        void cannotStartBeforeThePlannedStart() {
            // planned from 2026-01-01: nine months early would bill the subscription from then at once
            rejects(List.of(OPENED, HYBRID_TERMS, BASELINE), new StartEngagementCommand(ID, date("2025-12-31")),
                    Rule.START_BEFORE_PLANNED_START);
        }

        @Test
        void cannotStartWhileTheBaselineIsStillBeingMeasured() {
            BaselineMetric lateBaseline = new BaselineMetric(metric("returns"), "Returns", "orders", Direction.LOWER_IS_BETTER,
                    new BigDecimal("50"), date("2025-11-01"), date("2026-01-31"), "ERP", Aggregation.SUM, null);
            rejects(List.of(OPENED, HYBRID_TERMS, new BaselineCapturedEvent(ID, List.of(STOCKOUTS, lateBaseline))),
                    new StartEngagementCommand(ID, date("2026-01-31")), Rule.START_DURING_BASELINE);
        }

        @Test
        void startsTheDayAfterTheBaselinePeriod() {
            BaselineMetric lateBaseline = new BaselineMetric(metric("returns"), "Returns", "orders", Direction.LOWER_IS_BETTER,
                    new BigDecimal("50"), date("2025-11-01"), date("2026-01-31"), "ERP", Aggregation.SUM, null);
            fixture.given(OPENED, HYBRID_TERMS, new BaselineCapturedEvent(ID, List.of(STOCKOUTS, lateBaseline)))
                    .when(new StartEngagementCommand(ID, date("2026-02-01")))
                    .expectEvents(new EngagementStartedEvent(ID, date("2026-02-01")));
        }

        @Test
        void startsEarlierOnceThePlanSaysSo() {
            EngagementOpenedEvent plannedForMarch = new EngagementOpenedEvent(ID, "acme", "ACME Logistics", "Inventory control",
                    JOB, date("2026-03-01"), date("2026-12-31"), EUR, person("olivia"));
            rejects(List.of(plannedForMarch, HYBRID_TERMS, BASELINE), new StartEngagementCommand(ID, date("2026-01-05")),
                    Rule.START_BEFORE_PLANNED_START);
            fixture.given(plannedForMarch, HYBRID_TERMS, BASELINE,
                            new PlanChangedEvent(ID, date("2026-03-01"), date("2026-12-31"), date("2026-01-01"), date("2026-12-31"),
                                    "the customer asked to start sooner"))
                    .when(new StartEngagementCommand(ID, date("2026-01-05")))
                    .expectEvents(STARTED);
        }

        @Test
        void cannotStartACancelledEngagement() {
            rejects(List.of(OPENED, HYBRID_TERMS, BASELINE, new EngagementCancelledEvent(ID, date("2026-01-02"), "no")),
                    new StartEngagementCommand(ID, date("2026-01-05")), Rule.ENGAGEMENT_ENDED);
        }
    }

    @Nested
    class Plan {

        private ChangePlanCommand plan(String start, String end) {
            return new ChangePlanCommand(ID, date(start), date(end), "the customer moved its go-live");
        }

        @Test
        void movesBothDatesBeforeTheWorkStarts() {
            fixture.given(OPENED, HYBRID_TERMS, BASELINE)
                    .when(plan("2026-02-01", "2027-01-31"))
                    .expectEvents(new PlanChangedEvent(ID, date("2026-01-01"), date("2026-12-31"), date("2026-02-01"),
                            date("2027-01-31"), "the customer moved its go-live"));
        }

        @Test
        void movesOnlyTheEndOnceStarted() {
            fixture.given(active())
                    .when(plan("2026-01-01", "2027-03-31"))
                    .expectEvents(new PlanChangedEvent(ID, date("2026-01-01"), date("2026-12-31"), date("2026-01-01"),
                            date("2027-03-31"), "the customer moved its go-live"));
        }

        @Test
        void cannotMoveTheStartOnceStarted() {
            rejects(active(), plan("2025-12-01", "2026-12-31"), Rule.PLAN_START_LOCKED);
        }

        @Test
        void cannotEndThePlanBeforeASettledPeriod() {
            rejects(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31"), settledJanuary()), plan("2026-01-01", "2026-01-30"),
                    Rule.PLAN_END_BEFORE_FACTS);
        }

        @Test
        void cannotEndThePlanBeforeAnInvoicedMonth() {
            rejects(active(new InvoiceIssuedEvent(ID, "i-1", "INV-2026-000001", DocumentType.INVOICE, "acme", "ACME Logistics",
                            YearMonth.parse("2026-02"), date("2026-03-01"), date("2026-03-31"), List.of(), eur("0.00"))),
                    plan("2026-01-01", "2026-02-27"), Rule.PLAN_END_BEFORE_FACTS);
        }

        @Test
        void cannotEndThePlanBeforeSomeonesAssignmentEnds() {
            rejects(active(new PersonAssignedEvent(ID, person("ana"), OrganisationKind.PARTNER, "Porto University", "analyst",
                            new BigDecimal("50"), date("2026-01-05"), date("2026-06-30"))),
                    plan("2026-01-01", "2026-05-31"), Rule.ASSIGNMENT_OUTSIDE_ENGAGEMENT);
        }

        @Test
        void aPlanEndingBeforeItStartsCannotEvenBeAsked() {
            assertThatThrownBy(() -> plan("2026-03-01", "2026-02-01")).isInstanceOf(InvalidValue.class)
                    .hasMessage("must not be before plannedStart");
        }
    }

    @Nested
    class Recording {

        private RecordMetricCommand record(MetricId metricId, String value, String date) {
            return new RecordMetricCommand(ID, recording("r-9"), metricId, new BigDecimal(value), null, date(date), "ERP", person("olivia"));
        }

        @Test
        void recordsABackDatedValue() {
            fixture.given(active())
                    .when(record(metric("stockouts"), "12", "2026-01-31"))
                    .expectEvents(new MetricRecordedEvent(ID, recording("r-9"), metric("stockouts"), new BigDecimal("12"),
                            "count", date("2026-01-31"), "ERP", person("olivia")));
        }

        @Test
        void cannotRecordBeforeTheWorkStarts() {
            rejects(List.of(OPENED, HYBRID_TERMS, BASELINE), record(metric("stockouts"), "39", "2026-01-02"), Rule.NOT_STARTED);
        }

        @Test
        void cannotRecordADateBeforeTheStart() {
            // started 2026-01-05; 2025-12-31 even lies in the baseline period
            rejects(active(), record(metric("stockouts"), "3", "2025-12-31"), Rule.DATE_BEFORE_START);
            rejects(active(), record(metric("stockouts"), "3", "2026-01-04"), Rule.DATE_BEFORE_START);
        }

        @Test
        void recordsOnTheStartDate() {
            fixture.given(active()).when(record(metric("stockouts"), "3", "2026-01-05"))
                    .expectEvents(new MetricRecordedEvent(ID, recording("r-9"), metric("stockouts"), new BigDecimal("3"),
                            "count", date("2026-01-05"), "ERP", person("olivia")));
        }

        @Test
        void cannotRecordAValueOutsideTheMetricsBounds() {
            rejects(bounded(), record(metric("stockouts"), "-3", "2026-01-20"), Rule.VALUE_OUT_OF_RANGE);
            rejects(bounded(), record(metric("on-time"), "100.5", "2026-01-20"), Rule.VALUE_OUT_OF_RANGE);
        }

        @Test
        void recordsTheBoundsThemselves() {
            fixture.given(bounded()).when(record(metric("on-time"), "100", "2026-01-20"))
                    .expectEvents(new MetricRecordedEvent(ID, recording("r-9"), metric("on-time"), new BigDecimal("100"),
                            "%", date("2026-01-20"), "ERP", person("olivia")));
        }

        @Test
        void cannotCorrectToAValueOutsideTheBounds() {
            List<Object> given = new java.util.ArrayList<>(bounded());
            given.add(recorded("r-1", STOCKOUTS, "12", "2026-01-20"));
            rejects(given, new CorrectMetricCommand(ID, metric("stockouts"), recording("r-1"), new BigDecimal("-1"), "typo",
                    person("olivia")), Rule.VALUE_OUT_OF_RANGE);
        }

        @Test
        void cannotAdjustTheBaselineOutsideTheBounds() {
            rejects(bounded(), new AdjustBaselineCommand(ID, metric("stockouts"), new BigDecimal("-50"), "recount"),
                    Rule.VALUE_OUT_OF_RANGE);
        }

        @Test
        void aBaselineOutsideItsOwnBoundsCannotEvenBeAsked() {
            assertThatThrownBy(() -> new BaselineMetric(metric("errors"), "Errors", "count", Direction.LOWER_IS_BETTER,
                    new BigDecimal("-50"), date("2025-10-01"), date("2025-12-31"), "ERP", Aggregation.SUM, null,
                    BigDecimal.ZERO, null)).isInstanceOf(InvalidValue.class).hasMessage("must be at least 0, the metric's own bounds");
            assertThatThrownBy(() -> new BaselineMetric(metric("errors"), "Errors", "count", Direction.LOWER_IS_BETTER,
                    new BigDecimal("5"), date("2025-10-01"), date("2025-12-31"), "ERP", Aggregation.SUM, null,
                    BigDecimal.TEN, BigDecimal.ONE)).isInstanceOf(InvalidValue.class).hasMessage("must not be below minValue");
        }

        /** Stock-outs at least 0, on-time deliveries from 0 to 100 %. */
        private List<Object> bounded() {
            BaselineMetric stockouts = new BaselineMetric(STOCKOUTS.metricId(), STOCKOUTS.name(), STOCKOUTS.unit(),
                    STOCKOUTS.direction(), STOCKOUTS.baselineValue(), STOCKOUTS.baselineFrom(), STOCKOUTS.baselineTo(),
                    STOCKOUTS.source(), STOCKOUTS.aggregation(), STOCKOUTS.valuePerUnit(), BigDecimal.ZERO, null);
            BaselineMetric onTime = new BaselineMetric(ON_TIME.metricId(), ON_TIME.name(), ON_TIME.unit(), ON_TIME.direction(),
                    ON_TIME.baselineValue(), ON_TIME.baselineFrom(), ON_TIME.baselineTo(), ON_TIME.source(),
                    ON_TIME.aggregation(), ON_TIME.valuePerUnit(), BigDecimal.ZERO, new BigDecimal("100"));
            return List.of(OPENED, HYBRID_TERMS, new BaselineCapturedEvent(ID, List.of(stockouts, onTime)), STARTED);
        }

        @Test
        void cannotRecordAValueInAnotherUnit() {
            rejects(active(), new RecordMetricCommand(ID, recording("r-9"), metric("stockouts"), new BigDecimal("12"), "dozen",
                    date("2026-01-31"), "ERP", person("olivia")), Rule.UNIT_MISMATCH);
        }

        @Test
        void recordsAValueNamingTheBaselineUnit() {
            fixture.given(active())
                    .when(new RecordMetricCommand(ID, recording("r-9"), metric("stockouts"), new BigDecimal("12"), "count",
                            date("2026-01-31"), "ERP", person("olivia")))
                    .expectEvents(new MetricRecordedEvent(ID, recording("r-9"), metric("stockouts"), new BigDecimal("12"),
                            "count", date("2026-01-31"), "ERP", person("olivia")));
        }

        @Test
        void cannotRecordBeforeTheBaseline() {
            rejects(List.of(OPENED, HYBRID_TERMS), record(metric("stockouts"), "12", "2026-01-31"), Rule.BASELINE_NOT_CAPTURED);
        }

        @Test
        void cannotRecordAMetricOutsideTheBaseline() {
            rejects(active(), record(metric("returns"), "3", "2026-01-31"), Rule.METRIC_NOT_FOUND);
        }

        @Test
        void cannotRecordTomorrowsValue() {
            rejects(active(), record(metric("stockouts"), "12", "2026-06-16"), Rule.DATE_IN_FUTURE);
        }

        @Test
        void recordsTodaysValue() {
            fixture.given(active()).when(record(metric("stockouts"), "12", "2026-06-15"))
                    .expectEvents(new MetricRecordedEvent(ID, recording("r-9"), metric("stockouts"), new BigDecimal("12"),
                            "count", date("2026-06-15"), "ERP", person("olivia")));
        }

        @Test
        void recordsUpToTheCompletionDateAfterCompletion() {
            fixture.given(active(new EngagementCompletedEvent(ID, date("2026-05-31"), "done")))
                    .when(record(metric("stockouts"), "8", "2026-05-31"))
                    .expectEvents(new MetricRecordedEvent(ID, recording("r-9"), metric("stockouts"), new BigDecimal("8"),
                            "count", date("2026-05-31"), "ERP", person("olivia")));
        }

        @Test
        void cannotRecordAfterTheCompletionDate() {
            rejects(active(new EngagementCompletedEvent(ID, date("2026-05-31"), "done")),
                    record(metric("stockouts"), "8", "2026-06-01"), Rule.DATE_AFTER_END);
        }

        @Test
        void cannotRecordIntoASettledPeriod() {
            rejects(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31"), settledJanuary()),
                    record(metric("stockouts"), "3", "2026-01-15"), Rule.RECORDING_IN_SETTLED_PERIOD);
        }

        @Test
        void correctsARecordingNamingTheOneItReplaces() {
            fixture.given(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31")))
                    .when(new CorrectMetricCommand(ID, metric("stockouts"), recording("r-1"), new BigDecimal("10"), "double count", person("olivia")))
                    .expectEvents(new MetricCorrectedEvent(ID, recording("r-1"), metric("stockouts"), date("2026-01-31"),
                            new BigDecimal("12"), new BigDecimal("10"), "double count", person("olivia")));
        }

        @Test
        void cannotCorrectAnUnknownRecording() {
            rejects(active(), new CorrectMetricCommand(ID, metric("stockouts"), recording("r-404"), BigDecimal.ONE, "typo", person("olivia")),
                    Rule.RECORDING_NOT_FOUND);
        }

        @Test
        void cannotCorrectARecordingUnderAnotherMetric() {
            rejects(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31")),
                    new CorrectMetricCommand(ID, metric("on-time"), recording("r-1"), BigDecimal.ONE, "typo", person("olivia")),
                    Rule.RECORDING_NOT_FOUND);
        }

        @Test
        void aRecordingOfASettledPeriodIsFinalAndNoLongerOpenToCorrection() {
            fixture.given(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31"), settledJanuary()))
                    .when(new CorrectMetricCommand(ID, metric("stockouts"), recording("r-1"), BigDecimal.ONE, "typo", person("olivia")))
                    .expectNoEvents()
                    .expectException(violates(Rule.RECORDING_NOT_FOUND))
                    .expectExceptionMessage("metric stockouts has no recording r-1 open to correction;"
                            + " recordings up to 2026-01-31 are settled and final");
        }

        @Test
        void recordingsAfterTheSettledPeriodStayOpenToCorrection() {
            fixture.given(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31"), recorded("r-2", STOCKOUTS, "9", "2026-02-03"),
                            settledJanuary()))
                    .when(new CorrectMetricCommand(ID, metric("stockouts"), recording("r-2"), BigDecimal.TEN, "recount", person("olivia")))
                    .expectEvents(new MetricCorrectedEvent(ID, recording("r-2"), metric("stockouts"), date("2026-02-03"),
                            new BigDecimal("9"), BigDecimal.TEN, "recount", person("olivia")));
        }
    }

    @Nested
    class Settling {

        private SettleGainShareCommand settle(StatementId id, String start, String end) {
            return new SettleGainShareCommand(ID, id, date(start), date(end));
        }

        @Test
        void settlesAClosedPeriodWithTheFullBreakdown() {
            fixture.given(active(recorded("r-1", STOCKOUTS, "5", "2026-01-10"), recorded("r-2", STOCKOUTS, "7", "2026-01-31"),
                            recorded("r-3", STOCKOUTS, "30", "2026-02-01")))
                    .when(settle(statement("s-1"), "2026-01-01", "2026-01-31"))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            where("January's settlement", (GainSharedEvent e) -> e.statementId().equals(statement("s-1"))
                                    && e.periodEnd().equals(date("2026-01-31"))
                                    && e.breakdown().grossGain().compareTo(new BigDecimal("7000")) == 0
                                    && e.breakdown().supplierShare().equals(eur("1400.00"))
                                    && e.breakdown().customerShare().equals(eur("5600.00"))
                                    && e.breakdown().metrics().size() == 2),
                            andNoMore())));
        }

        @Test
        void appliesCorrectionsBeforeMeasuring() {
            fixture.given(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31"),
                            new MetricCorrectedEvent(ID, recording("r-1"), metric("stockouts"), date("2026-01-31"), new BigDecimal("12"),
                                    new BigDecimal("20"), "missed a warehouse", person("olivia"))))
                    .when(settle(statement("s-1"), "2026-01-01", "2026-01-31"))
                    // 20 against 40: 20 fewer x 250.00 = 5000.00; 20 % = 1000.00
                    .expectResultMessagePayloadMatching(where("a 1000.00 supplier share",
                            (GainSharedEvent e) -> e.breakdown().supplierShare().equals(eur("1000.00"))));
        }

        @Test
        void carriesALossIntoTheNextPeriod() {
            GainSharedEvent lossInJanuary = new GainSharedEvent(ID, statement("s-1"), date("2026-01-01"), date("2026-01-31"),
                    new GainShareBreakdown(List.of(), new BigDecimal("-2000"), BigDecimal.ZERO, new BigDecimal("2000"),
                            BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("20"), BigDecimal.ZERO, CapApplied.NONE,
                            eur("0.00"), eur("0.00")));
            fixture.given(active(recorded("r-1", STOCKOUTS, "48", "2026-01-31"), lossInJanuary,
                            recorded("r-2", STOCKOUTS, "28", "2026-02-28")))
                    .when(settle(statement("s-2"), "2026-02-01", "2026-02-28"))
                    // February gains 12 x 250.00 = 3000.00, pays off the 2000.00 deficit, shares 20 % of 1000.00
                    .expectResultMessagePayloadMatching(where("200.00 after paying off the deficit",
                            (GainSharedEvent e) -> e.breakdown().deficitBefore().compareTo(new BigDecimal("2000")) == 0
                                    && e.breakdown().deficitAfter().signum() == 0
                                    && e.breakdown().supplierShare().equals(eur("200.00"))));
        }

        @Test
        void countsTheResolvedAmountAgainstTheLifetimeCap() {
            TermsAgreedEvent capped = new TermsAgreedEvent(ID, BillingModel.GAIN_SHARE, null,
                    new GainShareTerms(new BigDecimal("20"), null, null, eur("2000.00"), true));
            fixture.given(OPENED, capped, BASELINE, STARTED, recorded("r-1", STOCKOUTS, "12", "2026-01-31"),
                            settledJanuary(), new GainShareDisputedEvent(ID, statement("s-1"), "count disputed"),
                            new GainShareResolvedEvent(ID, statement("s-1"), eur("1400.00"), eur("1200.00"), "agreed"),
                            recorded("r-2", STOCKOUTS, "12", "2026-02-28"))
                    .when(settle(statement("s-2"), "2026-02-01", "2026-02-28"))
                    // 1400.00 uncapped, but only 2000.00 - 1200.00 = 800.00 is left under the lifetime cap
                    .expectResultMessagePayloadMatching(where("800.00 under the lifetime cap",
                            (GainSharedEvent e) -> e.breakdown().supplierShare().equals(eur("800.00"))
                                    && e.breakdown().capApplied() == CapApplied.LIFETIME_CAP));
        }

        @Test
        void cannotSettleAPeriodThatHasNotEnded() {
            rejects(active(), settle(statement("s-1"), "2026-06-01", "2026-06-15"), Rule.PERIOD_NOT_CLOSED);
        }

        @Test
        void settlesAPeriodThatEndedYesterday() {
            // started on 2026-06-01 and completed yesterday, 2026-06-14: June up to the end date is the one period
            fixture.given(OPENED, HYBRID_TERMS, BASELINE, new EngagementStartedEvent(ID, date("2026-06-01")),
                            new EngagementCompletedEvent(ID, date("2026-06-14"), "done"))
                    .when(settle(statement("s-1"), "2026-06-01", "2026-06-14"))
                    .expectResultMessagePayloadMatching(where("a settlement of nothing",
                            (GainSharedEvent e) -> e.breakdown().supplierShare().equals(eur("0.00"))));
        }

        @Test
        void cannotSettleTheSamePeriodTwice() {
            rejects(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31"), settledJanuary()),
                    settle(statement("s-2"), "2026-01-01", "2026-01-31"), Rule.PERIOD_ALREADY_SETTLED);
        }

        @Test
        void cannotLeaveAGapBetweenPeriods() {
            rejects(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31"), settledJanuary()),
                    settle(statement("s-2"), "2026-02-02", "2026-02-28"), Rule.PERIOD_NOT_CONTIGUOUS);
        }

        @Test
        void theFirstPeriodCannotSkipTheFirstRecording() {
            rejects(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31")), settle(statement("s-1"), "2026-02-01", "2026-02-28"),
                    Rule.PERIOD_STARTS_AFTER_FIRST_RECORDING);
        }

        @Test
        void cannotSettleASubscriptionOnlyEngagement() {
            rejects(List.of(OPENED, SUBSCRIPTION_TERMS, BASELINE, STARTED), settle(statement("s-1"), "2026-01-01", "2026-01-31"),
                    Rule.NO_GAIN_SHARE_TERMS);
        }

        @Test
        void cannotSettleBeforeTheWorkStarts() {
            rejects(List.of(OPENED, HYBRID_TERMS, BASELINE), settle(statement("s-1"), "2026-01-01", "2026-01-31"), Rule.NOT_STARTED);
        }

        @Test
        void cannotSettleBeyondTheCompletionDate() {
            rejects(active(new EngagementCompletedEvent(ID, date("2026-01-20"), "done")),
                    settle(statement("s-1"), "2026-01-01", "2026-01-31"), Rule.DATE_AFTER_END);
        }

        @Test
        void refusesAnElevenYearPeriodNamingTheMonthItWouldAccept() {
            fixture.given(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31")))
                    .when(settle(statement("s-1"), "2016-01-01", "2026-05-31"))
                    .expectNoEvents()
                    .expectException(violates(Rule.PERIOD_NOT_A_SETTLEMENT_PERIOD))
                    .expectExceptionMessage("the terms settle monthly, one calendar month at a time: the next period to "
                            + "settle is 2026-01-01 to 2026-01-31");
        }

        @Test
        void refusesTwoMonthsAtOnce() {
            rejects(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31"), settledJanuary()),
                    settle(statement("s-2"), "2026-02-01", "2026-03-31"), Rule.PERIOD_NOT_A_SETTLEMENT_PERIOD);
        }

        @Test
        void theFirstPeriodMayBeginOnTheStartDate() {
            fixture.given(active(recorded("r-1", STOCKOUTS, "12", "2026-01-31")))
                    .when(settle(statement("s-1"), "2026-01-05", "2026-01-31"))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            where("January from the start", (GainSharedEvent e) -> e.periodStart().equals(date("2026-01-05"))),
                            andNoMore())));
        }

        @Test
        void quarterlyTermsSettleACalendarQuarterAndAFirstPartialOne() {
            TermsAgreedEvent quarterly = new TermsAgreedEvent(ID, BillingModel.GAIN_SHARE, null,
                    new GainShareTerms(new BigDecimal("20"), null, null, null, true, SettlementPeriod.QUARTERLY, null));
            // January 5 to March 31: the first quarter from the start date; stock-outs summed 10 + 12 + 8 = 30 against 40
            fixture.given(OPENED, quarterly, BASELINE, STARTED, recorded("r-1", STOCKOUTS, "10", "2026-01-31"),
                            recorded("r-2", STOCKOUTS, "12", "2026-02-28"), recorded("r-3", STOCKOUTS, "8", "2026-03-31"))
                    .when(settle(statement("s-1"), "2026-01-05", "2026-03-31"))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            where("the first quarter", (GainSharedEvent e) -> e.periodEnd().equals(date("2026-03-31"))
                                    && e.breakdown().grossGain().compareTo(new BigDecimal("2500")) == 0
                                    && e.breakdown().supplierShare().equals(eur("500.00"))),
                            andNoMore())));
        }

        @Test
        void quarterlyTermsRefuseAMonth() {
            TermsAgreedEvent quarterly = new TermsAgreedEvent(ID, BillingModel.GAIN_SHARE, null,
                    new GainShareTerms(new BigDecimal("20"), null, null, null, true, SettlementPeriod.QUARTERLY, null));
            fixture.given(OPENED, quarterly, BASELINE, STARTED, recorded("r-1", STOCKOUTS, "10", "2026-01-31"))
                    .when(settle(statement("s-1"), "2026-01-01", "2026-01-31"))
                    .expectNoEvents()
                    .expectExceptionMessage("the terms settle quarterly, one calendar quarter at a time: the next period to "
                            + "settle is 2026-01-01 to 2026-03-31");
        }

        @Test
        void settlesUpToTheCompletionDateAfterCompletion() {
            fixture.given(active(new EngagementCompletedEvent(ID, date("2026-01-20"), "done")))
                    .when(settle(statement("s-1"), "2026-01-01", "2026-01-20"))
                    .expectEventsMatching(payloadsMatching(exactSequenceOf(
                            where("a settlement", (Object e) -> e instanceof GainSharedEvent), andNoMore())));
        }
    }

    @Nested
    class Statements {

        @Test
        void theCustomerConfirmsASettledStatement() {
            fixture.given(active(settledJanuary())).when(new ConfirmGainShareCommand(ID, statement("s-1")))
                    .expectEvents(new GainShareConfirmedEvent(ID, statement("s-1")));
        }

        @Test
        void theCustomerDisputesASettledStatement() {
            fixture.given(active(settledJanuary())).when(new DisputeGainShareCommand(ID, statement("s-1"), "count disputed"))
                    .expectEvents(new GainShareDisputedEvent(ID, statement("s-1"), "count disputed"));
        }

        @Test
        void aDisputeIsResolvedWithTheAgreedShare() {
            fixture.given(active(settledJanuary(), new GainShareDisputedEvent(ID, statement("s-1"), "count disputed")))
                    .when(new ResolveGainShareCommand(ID, statement("s-1"), eur("1200.00"), "split the difference"))
                    .expectEvents(new GainShareResolvedEvent(ID, statement("s-1"), eur("1400.00"), eur("1200.00"),
                            "split the difference", eur("5800.00")));
        }

        @Test
        void cannotConfirmTwice() {
            rejects(active(settledJanuary(), new GainShareConfirmedEvent(ID, statement("s-1"))),
                    new ConfirmGainShareCommand(ID, statement("s-1")), Rule.STATEMENT_NOT_SETTLED);
        }

        @Test
        void cannotDisputeAConfirmedStatement() {
            rejects(active(settledJanuary(), new GainShareConfirmedEvent(ID, statement("s-1"))),
                    new DisputeGainShareCommand(ID, statement("s-1"), "late"), Rule.STATEMENT_NOT_SETTLED);
        }

        @Test
        void cannotResolveAnUndisputedStatement() {
            rejects(active(settledJanuary()), new ResolveGainShareCommand(ID, statement("s-1"), eur("1200.00"), "n/a"),
                    Rule.STATEMENT_NOT_DISPUTED);
        }

        @Test
        void cannotResolveAboveTheShareableGain() {
            rejects(active(settledJanuary(), new GainShareDisputedEvent(ID, statement("s-1"), "count")),
                    new ResolveGainShareCommand(ID, statement("s-1"), eur("7000.01"), "n/a"), Rule.RESOLUTION_EXCEEDS_SHAREABLE_GAIN);
        }

        @Test
        void cannotResolveInAnotherCurrency() {
            rejects(active(settledJanuary(), new GainShareDisputedEvent(ID, statement("s-1"), "count")),
                    new ResolveGainShareCommand(ID, statement("s-1"), Money.of("10.00", "USD"), "n/a"), Rule.CURRENCY_MISMATCH);
        }

        @Test
        void cannotConfirmAnUnknownStatement() {
            rejects(active(), new ConfirmGainShareCommand(ID, statement("s-404")), Rule.STATEMENT_NOT_FOUND);
        }

        @Test
        void confirmsAfterCompletion() {
            fixture.given(active(settledJanuary(), new EngagementCompletedEvent(ID, date("2026-05-31"), "done")))
                    .when(new ConfirmGainShareCommand(ID, statement("s-1")))
                    .expectEvents(new GainShareConfirmedEvent(ID, statement("s-1")));
        }
    }

    @Nested
    class SubscriptionFee {

        @Test
        void changesTheFeeFromADate() {
            fixture.given(active()).when(new ChangeSubscriptionFeeCommand(ID, eur("3500.00"), date("2026-03-15")))
                    .expectEvents(new SubscriptionFeeChangedEvent(ID, eur("3500.00"), date("2026-03-15")));
        }

        @Test
        void cannotChangeAFeeAGainShareOnlyEngagementDoesNotHave() {
            TermsAgreedEvent gainOnly = new TermsAgreedEvent(ID, BillingModel.GAIN_SHARE, null, gainShare("20"));
            rejects(List.of(OPENED, gainOnly), new ChangeSubscriptionFeeCommand(ID, eur("10.00"), date("2026-03-01")),
                    Rule.NO_SUBSCRIPTION_TERMS);
        }

        @Test
        void cannotChangeTheFeeBeforeTermsExist() {
            rejects(List.of(OPENED), new ChangeSubscriptionFeeCommand(ID, eur("10.00"), date("2026-03-01")),
                    Rule.TERMS_NOT_AGREED);
        }

        @Test
        void cannotChangeTheFeeToAnotherCurrency() {
            rejects(active(), new ChangeSubscriptionFeeCommand(ID, Money.of("10.00", "USD"), date("2026-03-01")),
                    Rule.CURRENCY_MISMATCH);
        }

        @Test
        void cannotChangeTheFeeToANegativeAmount() {
            rejects(active(), new ChangeSubscriptionFeeCommand(ID, eur("-1.00"), date("2026-03-01")), Rule.NEGATIVE_AMOUNT);
        }

        @Test
        void cannotChangeTheFeeOfACompletedEngagement() {
            rejects(active(new EngagementCompletedEvent(ID, date("2026-05-31"), "done")),
                    new ChangeSubscriptionFeeCommand(ID, eur("10.00"), date("2026-03-01")), Rule.ENGAGEMENT_ENDED);
        }
    }

    @Nested
    class Payments {

        private RecordPaymentCommand pay(Money amount, String reference, String on) {
            return new RecordPaymentCommand(ID, payment("p-1"), amount, reference, date(on));
        }

        @Test
        void recordsAPayment() {
            fixture.given(active()).when(pay(eur("3000.00"), "INV-2026-001", "2026-02-10"))
                    .expectEvents(new PaymentRecordedEvent(ID, payment("p-1"), eur("3000.00"), "INV-2026-001", date("2026-02-10")));
        }

        @Test
        void recordsAPaymentAfterCompletion() {
            fixture.given(active(new EngagementCompletedEvent(ID, date("2026-05-31"), "done")))
                    .when(pay(eur("3000.00"), "INV-2026-006", "2026-06-10"))
                    .expectEvents(new PaymentRecordedEvent(ID, payment("p-1"), eur("3000.00"), "INV-2026-006", date("2026-06-10")));
        }

        @Test
        void refusesAReferenceUsedBefore() {
            rejects(active(new PaymentRecordedEvent(ID, payment("p-0"), eur("3000.00"), "INV-2026-001", date("2026-02-10"))),
                    pay(eur("100.00"), "INV-2026-001", "2026-02-11"), Rule.DUPLICATE_PAYMENT_REFERENCE);
        }

        @Test
        void refusesAnotherCurrency() {
            rejects(active(), pay(Money.of("3000.00", "USD"), "INV-1", "2026-02-10"), Rule.CURRENCY_MISMATCH);
        }

        @Test
        void refusesAZeroPayment() {
            rejects(active(), pay(eur("0.00"), "INV-1", "2026-02-10"), Rule.NEGATIVE_AMOUNT);
        }

        @Test
        void refusesAPaymentReceivedTomorrow() {
            rejects(active(), pay(eur("10.00"), "INV-1", "2026-06-16"), Rule.DATE_IN_FUTURE);
        }
    }

    @Nested
    class Ending {

        @Test
        void completesWithASummary() {
            fixture.given(active()).when(new CompleteEngagementCommand(ID, date("2026-05-31"), "stock-outs down 70 %"))
                    .expectEvents(new EngagementCompletedEvent(ID, date("2026-05-31"), "stock-outs down 70 %"));
        }

        @Test
        void cannotCompleteWorkThatNeverStarted() {
            rejects(List.of(OPENED), new CompleteEngagementCommand(ID, date("2026-05-31"), "x"), Rule.NOT_STARTED);
        }

        @Test
        void cannotCompleteBeforeTheStartDate() {
            rejects(active(), new CompleteEngagementCommand(ID, date("2026-01-04"), "x"), Rule.DATE_BEFORE_START);
        }

        @Test
        void cannotCompleteBeforeTheLastRecording() {
            rejects(active(recorded("r-1", STOCKOUTS, "12", "2026-05-31")),
                    new CompleteEngagementCommand(ID, date("2026-05-30"), "x"), Rule.DATE_AFTER_END);
        }

        @Test
        void cannotCompleteTomorrow() {
            rejects(active(), new CompleteEngagementCommand(ID, date("2026-06-16"), "x"), Rule.DATE_IN_FUTURE);
        }

        @Test
        void cannotCompleteTwice() {
            rejects(active(new EngagementCompletedEvent(ID, date("2026-05-31"), "done")),
                    new CompleteEngagementCommand(ID, date("2026-06-01"), "again"), Rule.ENGAGEMENT_ENDED);
        }

        @Test
        void cancelsBeforeTheWorkStarts() {
            fixture.given(OPENED).when(new CancelEngagementCommand(ID, date("2026-01-02"), "budget cut"))
                    .expectEvents(new EngagementCancelledEvent(ID, date("2026-01-02"), "budget cut"));
        }

        @Test
        void cancelsActiveWork() {
            fixture.given(active()).when(new CancelEngagementCommand(ID, date("2026-03-02"), "merger"))
                    .expectEvents(new EngagementCancelledEvent(ID, date("2026-03-02"), "merger"));
        }

        @Test
        void cannotCancelACompletedEngagement() {
            rejects(active(new EngagementCompletedEvent(ID, date("2026-05-31"), "done")),
                    new CancelEngagementCommand(ID, date("2026-06-01"), "x"), Rule.ENGAGEMENT_ENDED);
        }
    }
}
