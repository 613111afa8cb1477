package com.engagementtracker.command;

import static com.engagementtracker.command.EngagementFixtures.EUR;
import static com.engagementtracker.command.EngagementFixtures.ON_TIME;
import static com.engagementtracker.command.EngagementFixtures.STOCKOUTS;
import static com.engagementtracker.command.EngagementFixtures.eur;
import static com.engagementtracker.command.EngagementFixtures.metric;
import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.CapApplied;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.MetricGain;
import com.engagementtracker.api.Money;
import com.engagementtracker.command.GainShareSettlement.Measurement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gain-share formula of docs/domain.md on worked examples, every amount written out. */
class GainShareSettlementTest {

    private static final GainShareTerms TWENTY_PERCENT = terms("20", null, null, null, true);

    private final List<Measurement> measurements = new ArrayList<>();

    private static GainShareTerms terms(String percent, Money hurdle, Money periodCap, Money lifetimeCap, boolean carry) {
        return new GainShareTerms(new BigDecimal(percent), hurdle, periodCap, lifetimeCap, carry);
    }

    private void record(BaselineMetric metric, String date, String value) {
        measurements.add(new Measurement(metric.metricId(), LocalDate.parse(date), measurements.size(), new BigDecimal(value)));
    }

    private GainShareBreakdown settle(List<BaselineMetric> metrics, GainShareTerms terms, String deficitBefore,
                                      String sharedSoFar) {
        return GainShareSettlement.settle(metrics, measurements, terms, new BigDecimal(deficitBefore), eur(sharedSoFar), EUR);
    }

    private static void assertAmount(BigDecimal actual, String expected) {
        assertThat(actual).isEqualByComparingTo(expected);
    }

    @Test
    void lowerIsBetterSummedOverThePeriod() {
        record(STOCKOUTS, "2026-01-10", "5");
        record(STOCKOUTS, "2026-01-31", "7");

        GainShareBreakdown b = settle(List.of(STOCKOUTS), TWENTY_PERCENT, "0", "0.00");

        MetricGain line = b.metrics().get(0);
        assertAmount(line.measuredValue(), "12");
        assertAmount(line.improvement(), "28");
        assertAmount(line.gain(), "7000.00");
        assertAmount(b.grossGain(), "7000.00");
        assertThat(b.supplierShare()).isEqualTo(eur("1400.00"));
        assertThat(b.customerShare()).isEqualTo(eur("5600.00"));
        assertThat(b.capApplied()).isEqualTo(CapApplied.NONE);
    }

    @Test
    void higherIsBetterAveragedInFullPrecision() {
        record(ON_TIME, "2026-01-10", "85");
        record(ON_TIME, "2026-01-20", "90");
        record(ON_TIME, "2026-01-31", "86.5");

        GainShareBreakdown b = settle(List.of(ON_TIME), TWENTY_PERCENT, "0", "0.00");

        // average 261.5 / 3 = 87.1666...; 7.1666... points x 100.00 = 716.666...; 20 % = 143.333...
        assertAmount(b.metrics().get(0).measuredValue(), "87.16666666666666666666666666666667");
        assertThat(b.supplierShare()).isEqualTo(eur("143.33"));
        assertThat(b.customerShare()).isEqualTo(eur("573.34"));
    }

    @Test
    void lastTakesTheLatestDatedRecordingNotTheLatestRecorded() {
        BaselineMetric backlog = new BaselineMetric(metric("backlog"), "Open orders", "orders", Direction.LOWER_IS_BETTER,
                new BigDecimal("500"), LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-31"), "ERP",
                Aggregation.LAST, eur("2.00"));
        record(backlog, "2026-01-31", "380");
        record(backlog, "2026-01-15", "420");   // back-dated, recorded after the month-end value

        GainShareBreakdown b = settle(List.of(backlog), TWENTY_PERCENT, "0", "0.00");

        assertAmount(b.metrics().get(0).measuredValue(), "380");
        assertThat(b.supplierShare()).isEqualTo(eur("48.00"));   // 120 x 2.00 = 240.00; 20 %
    }

    @Test
    void lastTakesTheLaterRecordingOfTwoOnTheSameDay() {
        BaselineMetric backlog = new BaselineMetric(metric("backlog"), "Open orders", "orders", Direction.LOWER_IS_BETTER,
                new BigDecimal("500"), LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-31"), "ERP",
                Aggregation.LAST, eur("2.00"));
        record(backlog, "2026-01-31", "380");
        record(backlog, "2026-01-31", "390");

        assertAmount(settle(List.of(backlog), TWENTY_PERCENT, "0", "0.00").metrics().get(0).measuredValue(), "390");
    }

    @Test
    void severalMetricsAddUpAndATrackedOnlyMetricAddsNothing() {
        BaselineMetric satisfaction = new BaselineMetric(metric("nps"), "Net promoter score", "points",
                Direction.HIGHER_IS_BETTER, new BigDecimal("10"), LocalDate.parse("2025-10-01"),
                LocalDate.parse("2025-12-31"), "survey", Aggregation.LAST, null);
        record(STOCKOUTS, "2026-01-31", "12");
        record(ON_TIME, "2026-01-15", "85");
        record(ON_TIME, "2026-01-31", "89");
        record(satisfaction, "2026-01-31", "40");

        GainShareBreakdown b = settle(List.of(STOCKOUTS, ON_TIME, satisfaction), TWENTY_PERCENT, "0", "0.00");

        // 28 x 250.00 + 7 x 100.00 = 7700.00
        assertThat(b.metrics()).extracting(MetricGain::metricId).containsExactly(metric("stockouts"), metric("on-time"));
        assertAmount(b.grossGain(), "7700.00");
        assertThat(b.supplierShare()).isEqualTo(eur("1540.00"));
        assertThat(b.customerShare()).isEqualTo(eur("6160.00"));
    }

    @Test
    void aMetricWithoutRecordingsInThePeriodContributesNothing() {
        record(STOCKOUTS, "2026-01-31", "12");

        GainShareBreakdown b = settle(List.of(STOCKOUTS, ON_TIME), TWENTY_PERCENT, "0", "0.00");

        MetricGain onTime = b.metrics().get(1);
        assertThat(onTime.recordings()).isZero();
        assertThat(onTime.measuredValue()).isNull();
        assertThat(onTime.gain()).isNull();
        assertAmount(b.grossGain(), "7000.00");
    }

    @Test
    void theHurdleComesOffBeforeSharing() {
        record(STOCKOUTS, "2026-01-31", "12");

        GainShareBreakdown b = settle(List.of(STOCKOUTS), terms("20", eur("1000.00"), null, null, true), "0", "0.00");

        assertAmount(b.shareableGain(), "6000.00");
        assertThat(b.supplierShare()).isEqualTo(eur("1200.00"));
        assertThat(b.customerShare()).isEqualTo(eur("4800.00"));
    }

    @Test
    void aGainBelowTheHurdleSharesNothing() {
        record(STOCKOUTS, "2026-01-31", "38");   // 2 x 250.00 = 500.00

        GainShareBreakdown b = settle(List.of(STOCKOUTS), terms("20", eur("1000.00"), null, null, true), "0", "0.00");

        assertAmount(b.shareableGain(), "0");
        assertThat(b.supplierShare()).isEqualTo(eur("0.00"));
        assertThat(b.customerShare()).isEqualTo(eur("0.00"));
        assertAmount(b.deficitAfter(), "0");
    }

    @Test
    void thePeriodCapLimitsTheSupplierAndTheCustomerKeepsTheRest() {
        record(STOCKOUTS, "2026-01-31", "12");

        GainShareBreakdown b = settle(List.of(STOCKOUTS), terms("20", null, eur("1000.00"), null, true), "0", "0.00");

        assertAmount(b.uncappedSupplierShare(), "1400.00");
        assertThat(b.capApplied()).isEqualTo(CapApplied.PERIOD_CAP);
        assertThat(b.supplierShare()).isEqualTo(eur("1000.00"));
        assertThat(b.customerShare()).isEqualTo(eur("6000.00"));
    }

    @Test
    void theLifetimeCapLimitsToWhatIsLeftOfIt() {
        record(STOCKOUTS, "2026-01-31", "12");

        GainShareBreakdown b = settle(List.of(STOCKOUTS), terms("20", null, eur("1000.00"), eur("5000.00"), true),
                "0", "4900.00");

        assertThat(b.capApplied()).isEqualTo(CapApplied.LIFETIME_CAP);
        assertThat(b.supplierShare()).isEqualTo(eur("100.00"));
        assertThat(b.customerShare()).isEqualTo(eur("6900.00"));
    }

    @Test
    void anExhaustedLifetimeCapSharesNothingMore() {
        record(STOCKOUTS, "2026-01-31", "12");

        GainShareBreakdown b = settle(List.of(STOCKOUTS), terms("20", null, null, eur("5000.00"), true), "0", "5000.00");

        assertThat(b.supplierShare()).isEqualTo(eur("0.00"));
        assertThat(b.customerShare()).isEqualTo(eur("7000.00"));
    }

    @Test
    void lossesAreCarriedForwardOverSeveralPeriods() {
        // January: 48 stock-outs, 8 worse than 40: a loss of 2000.00
        record(STOCKOUTS, "2026-01-31", "48");
        GainShareBreakdown january = settle(List.of(STOCKOUTS), TWENTY_PERCENT, "0", "0.00");
        assertAmount(january.grossGain(), "-2000.00");
        assertAmount(january.deficitAfter(), "2000.00");
        assertThat(january.supplierShare()).isEqualTo(eur("0.00"));

        // February: 34, a gain of 1500.00, all of it pays down the deficit
        measurements.clear();
        record(STOCKOUTS, "2026-02-28", "34");
        GainShareBreakdown february = settle(List.of(STOCKOUTS), TWENTY_PERCENT, "2000.00", "0.00");
        assertAmount(february.deficitAfter(), "500.00");
        assertAmount(february.shareableGain(), "0");
        assertThat(february.supplierShare()).isEqualTo(eur("0.00"));

        // March: 28, a gain of 3000.00: 500.00 clears the deficit, 2500.00 is shared
        measurements.clear();
        record(STOCKOUTS, "2026-03-31", "28");
        GainShareBreakdown march = settle(List.of(STOCKOUTS), TWENTY_PERCENT, "500.00", "0.00");
        assertAmount(march.deficitBefore(), "500.00");
        assertAmount(march.deficitAfter(), "0");
        assertAmount(march.shareableGain(), "2500.00");
        assertThat(march.supplierShare()).isEqualTo(eur("500.00"));
        assertThat(march.customerShare()).isEqualTo(eur("2000.00"));
    }

    @Test
    void withoutCarryForwardALossIsForgotten() {
        record(STOCKOUTS, "2026-02-28", "34");

        GainShareBreakdown b = settle(List.of(STOCKOUTS), terms("20", null, null, null, false), "2000.00", "0.00");

        assertAmount(b.deficitBefore(), "0");
        assertAmount(b.deficitAfter(), "0");
        assertThat(b.supplierShare()).isEqualTo(eur("300.00"));
    }

    @Test
    void aLossWithoutCarryForwardSharesNothingAndCarriesNothing() {
        record(STOCKOUTS, "2026-01-31", "48");

        GainShareBreakdown b = settle(List.of(STOCKOUTS), terms("20", null, null, null, false), "0", "0.00");

        assertAmount(b.grossGain(), "-2000.00");
        assertAmount(b.deficitAfter(), "0");
        assertThat(b.supplierShare()).isEqualTo(eur("0.00"));
    }

    @Test
    void halfACentRoundsToTheEvenCent() {
        BaselineMetric savings = new BaselineMetric(metric("savings"), "Freight saved", "EUR", Direction.HIGHER_IS_BETTER,
                BigDecimal.ZERO, LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-31"), "finance",
                Aggregation.SUM, eur("1.00"));
        record(savings, "2026-01-31", "100.25");

        GainShareBreakdown down = settle(List.of(savings), terms("10", null, null, null, true), "0", "0.00");
        assertAmount(down.uncappedSupplierShare(), "10.025");
        assertThat(down.supplierShare()).isEqualTo(eur("10.02"));
        assertThat(down.customerShare()).isEqualTo(eur("90.23"));

        measurements.clear();
        record(savings, "2026-01-31", "100.35");
        GainShareBreakdown up = settle(List.of(savings), terms("10", null, null, null, true), "0", "0.00");
        assertAmount(up.uncappedSupplierShare(), "10.035");
        assertThat(up.supplierShare()).isEqualTo(eur("10.04"));
        assertThat(up.customerShare()).isEqualTo(eur("90.31"));
    }
}
