package com.engagementtracker.command;

import static com.engagementtracker.command.EngagementFixtures.BASELINE;
import static com.engagementtracker.command.EngagementFixtures.CLOCK;
import static com.engagementtracker.command.EngagementFixtures.HYBRID_TERMS;
import static com.engagementtracker.command.EngagementFixtures.ID;
import static com.engagementtracker.command.EngagementFixtures.ON_TIME;
import static com.engagementtracker.command.EngagementFixtures.OPENED;
import static com.engagementtracker.command.EngagementFixtures.STARTED;
import static com.engagementtracker.command.EngagementFixtures.STOCKOUTS;
import static com.engagementtracker.command.EngagementFixtures.eur;
import static com.engagementtracker.command.EngagementFixtures.recorded;
import static com.engagementtracker.command.EngagementFixtures.recording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.CapApplied;
import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.InvalidValue;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.SettlementPeriod;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.Rule;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.SubscriptionTerms;
import com.engagementtracker.api.commands.SettleGainShareCommand;
import com.engagementtracker.api.events.GainShareConfirmedEvent;
import com.engagementtracker.api.events.GainShareDisputedEvent;
import com.engagementtracker.api.events.GainShareResolvedEvent;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.command.TermsSimulation.Figures;
import com.engagementtracker.command.TermsSimulation.Period;
import com.engagementtracker.command.TermsSimulation.Result;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.Test;

/**
 * The engagement's history settled again under other terms. The statements in these histories are settled by the
 * engagement itself (its given/when fixture), never written by hand, so the simulation is checked against the real thing.
 */
public class TermsSimulationTest {

    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    /** 30 %, a hurdle of 1000.00 a period, at most 1500.00 a period, losses carried forward */
    private static final GainShareTerms OTHER = new GainShareTerms(new BigDecimal("30"), eur("1000.00"), eur("1500.00"),
            null, true);

    /** The statement the engagement settles for this period after this history, appended to it. */
    private static GainSharedEvent settle(List<Object> history, String from, String to) {
        AtomicReference<GainSharedEvent> settled = new AtomicReference<>();
        EngagementFixtures.fixture().given(history)
                .when(new SettleGainShareCommand(ID, new StatementId("statement-" + from), LocalDate.parse(from), LocalDate.parse(to)))
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<GainSharedEvent>("a statement") {
                    @Override
                    protected boolean matchesSafely(GainSharedEvent event) {
                        settled.set(event);
                        return true;
                    }
                });
        history.add(settled.get());
        return settled.get();
    }

    /** January 12 stock-outs (28 fewer than the baseline of 40), February 50 (10 more), March 20, April 30 not settled. */
    public static List<Object> firstQuarterSettled() {
        List<Object> history = new ArrayList<>(List.of(OPENED, HYBRID_TERMS, BASELINE, STARTED));
        history.add(recorded("r-jan", STOCKOUTS, "13", "2026-01-31"));
        history.add(new MetricCorrectedEvent(ID, recording("r-jan"), STOCKOUTS.metricId(), LocalDate.parse("2026-01-31"),
                new BigDecimal("13"), new BigDecimal("12"), "typo", new PersonId("olivia")));
        settle(history, "2026-01-01", "2026-01-31");
        history.add(recorded("r-feb", STOCKOUTS, "50", "2026-02-28"));
        settle(history, "2026-02-01", "2026-02-28");
        history.add(recorded("r-mar", STOCKOUTS, "20", "2026-03-31"));
        settle(history, "2026-03-01", "2026-03-31");
        history.add(recorded("r-apr", STOCKOUTS, "30", "2026-04-30"));
        return history;
    }

    private static Figures figures(String gross, String deficitIn, String shareable, CapApplied cap, String supplier,
                                   String customer, String deficitOut) {
        return new Figures(eur(gross), eur(deficitIn), eur(shareable), cap, eur(supplier), eur(customer), eur(deficitOut));
    }

    @Test
    void otherTermsOverTheSettledPeriodsStandBesideTheStatements() {
        Result result = TermsSimulation.simulate(firstQuarterSettled(), OTHER, null, TODAY);

        assertThat(result.periods()).extracting(Period::periodStart).containsExactly(
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));
        // January: 28 x 250.00 = 7000.00; the agreed 20 % is 1400.00; 30 % of (7000.00 - 1000.00) = 1800.00, capped at 1500.00
        assertThat(result.periods().get(0).actual().settled()).isEqualTo(
                figures("7000.00", "0.00", "7000.00", CapApplied.NONE, "1400.00", "5600.00", "0.00"));
        assertThat(result.periods().get(0).simulated()).isEqualTo(
                figures("7000.00", "0.00", "6000.00", CapApplied.PERIOD_CAP, "1500.00", "4500.00", "0.00"));
        // February: 10 more stock-outs, a loss of 2500.00 carried into March under both terms
        assertThat(result.periods().get(1).actual().settled()).isEqualTo(
                figures("-2500.00", "0.00", "0.00", CapApplied.NONE, "0.00", "0.00", "2500.00"));
        assertThat(result.periods().get(1).simulated()).isEqualTo(
                figures("-2500.00", "0.00", "0.00", CapApplied.NONE, "0.00", "0.00", "2500.00"));
        // March: 5000.00 - 2500.00 = 2500.00, 20 % is 500.00; less the hurdle, 1500.00, 30 % is 450.00
        assertThat(result.periods().get(2).actual().settled()).isEqualTo(
                figures("5000.00", "2500.00", "2500.00", CapApplied.NONE, "500.00", "2000.00", "0.00"));
        assertThat(result.periods().get(2).simulated()).isEqualTo(
                figures("5000.00", "2500.00", "1500.00", CapApplied.NONE, "450.00", "1050.00", "0.00"));
        assertThat(result.actual()).isEqualTo(new TermsSimulation.Totals(eur("1900.00"), eur("7600.00")));
        assertThat(result.simulated()).isEqualTo(new TermsSimulation.Totals(eur("1950.00"), eur("5550.00")));
        assertThat(result.periods().get(0).actual().status()).isEqualTo(StatementStatus.SETTLED);
    }

    @Test
    void aPeriodNotYetSettledStartsFromWhatTheStatementsBeforeItCarried() {
        // April: 10 fewer stock-outs = 2500.00; nothing carried out of March; a lifetime cap of 2000.00 of which
        // the statements used 1900.00 leaves 100.00
        GainShareTerms capped = new GainShareTerms(new BigDecimal("20"), null, null, eur("2000.00"), true);
        Result result = TermsSimulation.simulate(firstQuarterSettled(), capped,
                List.of(new DateRange(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30"))), TODAY);

        assertThat(result.periods()).hasSize(1);
        assertThat(result.periods().get(0).actual()).isNull();
        assertThat(result.periods().get(0).simulated()).isEqualTo(
                figures("2500.00", "0.00", "2500.00", CapApplied.LIFETIME_CAP, "100.00", "2400.00", "0.00"));
        assertThat(result.actual()).isEqualTo(new TermsSimulation.Totals(eur("0.00"), eur("0.00")));
    }

    @Test
    void aResolvedDisputeCountsAtTheShareAgreed() {
        List<Object> history = firstQuarterSettled();
        StatementId january = new StatementId("statement-2026-01-01");
        StatementId march = new StatementId("statement-2026-03-01");
        history.add(new GainShareConfirmedEvent(ID, january));
        history.add(new GainShareDisputedEvent(ID, march, "the March count includes a stock-take"));
        history.add(new GainShareResolvedEvent(ID, march, eur("500.00"), eur("300.00"), "agreed on a call", eur("2200.00")));

        Result result = TermsSimulation.simulate(history, HYBRID_TERMS.gainShare(), null, TODAY);

        assertThat(result.periods().get(0).actual().status()).isEqualTo(StatementStatus.CONFIRMED);
        assertThat(result.periods().get(2).actual().status()).isEqualTo(StatementStatus.RESOLVED);
        assertThat(result.periods().get(2).actual().agreedSupplierShare()).isEqualTo(eur("300.00"));
        assertThat(result.actual()).isEqualTo(new TermsSimulation.Totals(eur("1700.00"), eur("7800.00")));
        assertThat(result.simulated()).isEqualTo(new TermsSimulation.Totals(eur("1900.00"), eur("7600.00")));
    }

    @Test
    void periodsMustBeClosedContiguousAndStartWhereAStatementStarts() {
        List<Object> history = firstQuarterSettled();
        assertThatThrownBy(() -> TermsSimulation.simulate(history, OTHER,
                List.of(new DateRange(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-02-28"))), TODAY))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("periods[0].periodStart"));
        assertThatThrownBy(() -> TermsSimulation.simulate(history, OTHER,
                List.of(new DateRange(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")),
                        new DateRange(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"))), TODAY))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("periods[1].periodStart"));
        // the terms settle monthly: two months at once is no period of theirs
        assertThatThrownBy(() -> TermsSimulation.simulate(history, OTHER,
                List.of(new DateRange(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-28"))), TODAY))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("periods[0].periodEnd"))
                .hasMessage("the terms settle monthly, one calendar month at a time; 2026-01-01 to 2026-02-28 is not one such period");
        // quarterly terms tried on monthly statements: the periods must be named
        GainShareTerms quarterly = new GainShareTerms(BigDecimal.TEN, null, null, null, true, SettlementPeriod.QUARTERLY, null);
        assertThatThrownBy(() -> TermsSimulation.simulate(history, quarterly, null, TODAY))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("periods"));
        assertThat(TermsSimulation.simulate(history, quarterly,
                List.of(new DateRange(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"))), TODAY).periods())
                .extracting(Period::periodEnd).containsExactly(LocalDate.parse("2026-03-31"));
        assertThatThrownBy(() -> TermsSimulation.simulate(history, OTHER,
                List.of(new DateRange(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-15"))), TODAY))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("periods[0].periodEnd"));
        assertThatThrownBy(() -> TermsSimulation.simulate(history, OTHER, List.of(), TODAY))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("periods"));
        GainShareTerms inDollars = new GainShareTerms(BigDecimal.TEN, Money.of("100.00", "USD"), null, null, true);
        assertThatThrownBy(() -> TermsSimulation.simulate(history, inDollars, null, TODAY))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("gainShare.hurdle"));
        assertThatThrownBy(() -> TermsSimulation.simulate(List.of(), OTHER, null, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.ENGAGEMENT_NOT_FOUND));
        assertThatThrownBy(() -> TermsSimulation.simulate(List.of(OPENED, HYBRID_TERMS), OTHER, null, TODAY))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo(Rule.BASELINE_NOT_CAPTURED));
    }

    /** One month's recordings: which metric, what value, which day; and whether the first is corrected, to what. */
    record Month(List<Tuple.Tuple3<Boolean, Integer, Integer>> recordings, Integer correction) {
    }

    @Provide
    Arbitrary<GainShareTerms> terms() {
        Arbitrary<Money> money = Arbitraries.longs().between(0, 800_000).map(cents -> new Money(BigDecimal.valueOf(cents, 2), EngagementFixtures.EUR));
        return Combinators.combine(Arbitraries.integers().between(1, 100), money.injectNull(0.5), money.injectNull(0.5),
                        money.injectNull(0.5), Arbitraries.of(true, false))
                .as((percent, hurdle, periodCap, lifetimeCap, carry) ->
                        new GainShareTerms(BigDecimal.valueOf(percent), hurdle, periodCap, lifetimeCap, carry));
    }

    @Provide
    Arbitrary<List<Month>> months() {
        Arbitrary<Tuple.Tuple3<Boolean, Integer, Integer>> recording = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 120), Arbitraries.integers().between(1, 28)).as(Tuple::of);
        return Combinators.combine(recording.list().ofMaxSize(4), Arbitraries.integers().between(0, 120).injectNull(0.6))
                .as(Month::new).list().ofMinSize(1).ofMaxSize(5);
    }

    /** Whatever the history and the agreed terms, simulating the agreed terms gives every statement to the cent. */
    @Property(tries = 150)
    void theAgreedTermsGiveTheStatementsToTheCent(@ForAll("terms") GainShareTerms agreed, @ForAll("months") List<Month> months) {
        List<Object> history = new ArrayList<>(List.of(OPENED, new TermsAgreedEvent(ID, BillingModel.HYBRID, new SubscriptionTerms(eur("3000.00")), agreed), BASELINE, STARTED));
        List<GainSharedEvent> statements = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            LocalDate first = LocalDate.of(2026, m + 1, 1);
            Month month = months.get(m);
            for (int r = 0; r < month.recordings().size(); r++) {
                var recording = month.recordings().get(r);
                history.add(recorded("r-" + m + "-" + r, recording.get1() ? STOCKOUTS : ON_TIME,
                        recording.get2().toString(), first.withDayOfMonth(recording.get3()).toString()));
            }
            if (month.correction() != null && !month.recordings().isEmpty()) {
                var corrected = month.recordings().get(0);
                history.add(new MetricCorrectedEvent(ID, recording("r-" + m + "-0"),
                        (corrected.get1() ? STOCKOUTS : ON_TIME).metricId(), first.withDayOfMonth(corrected.get3()),
                        BigDecimal.valueOf(corrected.get2()), BigDecimal.valueOf(month.correction()), "typo", new PersonId("olivia")));
            }
            statements.add(settle(history, first.toString(), first.withDayOfMonth(first.lengthOfMonth()).toString()));
        }

        Result result = TermsSimulation.simulate(history, agreed, null, TODAY);

        assertThat(result.periods()).hasSize(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            Period period = result.periods().get(i);
            assertThat(period.simulated()).isEqualTo(Figures.of(statements.get(i).breakdown()));
            assertThat(period.actual().settled()).isEqualTo(period.simulated());
        }
        assertThat(result.simulated()).isEqualTo(result.actual());
    }
}
