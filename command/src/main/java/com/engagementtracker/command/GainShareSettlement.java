package com.engagementtracker.command;

import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.CapApplied;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.MetricGain;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/**
 * The gain-share formula (docs/domain.md) for one closed period, as a pure function of the engagement's state.
 * Everything is exact until the shares, which {@link Money#rounded} rounds once.
 */
final class GainShareSettlement {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A recording as the settlement needs it: {@code sequence} orders recordings made on the same date. */
    record Measurement(MetricId metricId, LocalDate date, long sequence, BigDecimal value) {
        static final Comparator<Measurement> CHRONOLOGICAL =
                Comparator.comparing(Measurement::date).thenComparingLong(Measurement::sequence);
    }

    private GainShareSettlement() {
    }

    /**
     * @param measurements the recordings dated in the period, corrections already applied
     * @param deficitBefore the loss carried into the period (zero when losses are not carried forward)
     * @param sharedSoFar the supplier's shares of all earlier periods, as finally agreed
     */
    static GainShareBreakdown settle(Collection<BaselineMetric> metrics, Collection<Measurement> measurements,
                                     GainShareTerms terms, BigDecimal deficitBefore, Money sharedSoFar,
                                     Currency currency) {
        List<MetricGain> lines = new ArrayList<>();
        BigDecimal gross = BigDecimal.ZERO;
        for (BaselineMetric metric : metrics) {
            if (!metric.gainShared()) {
                continue;
            }
            List<BigDecimal> values = measurements.stream()
                    .filter(m -> m.metricId().equals(metric.metricId()))
                    .sorted(Measurement.CHRONOLOGICAL)
                    .map(Measurement::value)
                    .toList();
            MetricGain line = gain(metric, values);
            lines.add(line);
            if (line.gain() != null) {
                gross = gross.add(line.gain());
            }
        }

        BigDecimal deficit = terms.carryForwardLosses() ? deficitBefore : BigDecimal.ZERO;
        BigDecimal deficitAfter = terms.carryForwardLosses() ? deficit.subtract(gross).max(BigDecimal.ZERO) : BigDecimal.ZERO;
        BigDecimal hurdle = terms.hurdleAmount();
        BigDecimal shareable = gross.subtract(deficit).subtract(hurdle).max(BigDecimal.ZERO);

        BigDecimal uncapped = shareable.multiply(terms.sharePercent()).divide(HUNDRED);
        BigDecimal supplierExact = uncapped;
        CapApplied cap = CapApplied.NONE;
        if (terms.periodCap() != null && terms.periodCap().amount().compareTo(supplierExact) < 0) {
            supplierExact = terms.periodCap().amount();
            cap = CapApplied.PERIOD_CAP;
        }
        if (terms.lifetimeCap() != null) {
            BigDecimal remaining = terms.lifetimeCap().amount().subtract(sharedSoFar.amount()).max(BigDecimal.ZERO);
            if (remaining.compareTo(supplierExact) < 0) {
                supplierExact = remaining;
                cap = CapApplied.LIFETIME_CAP;
            }
        }
        Money supplierShare = Money.rounded(supplierExact, currency);
        Money customerShare = Money.rounded(shareable, currency).minus(supplierShare);
        return new GainShareBreakdown(lines, gross, deficit, deficitAfter, hurdle, shareable, terms.sharePercent(),
                uncapped, cap, supplierShare, customerShare);
    }

    private static MetricGain gain(BaselineMetric metric, List<BigDecimal> chronological) {
        BigDecimal valuePerUnit = metric.valuePerUnit().amount();
        if (chronological.isEmpty()) {
            return new MetricGain(metric.metricId(), 0, metric.baselineValue(), null, null, valuePerUnit, null);
        }
        BigDecimal measured = switch (metric.aggregation()) {
            case SUM -> sum(chronological);
            case AVERAGE -> sum(chronological).divide(BigDecimal.valueOf(chronological.size()), MathContext.DECIMAL128);
            case LAST -> chronological.get(chronological.size() - 1);
        };
        BigDecimal improvement = metric.direction().improvement(measured, metric.baselineValue());
        return new MetricGain(metric.metricId(), chronological.size(), metric.baselineValue(), measured, improvement,
                valuePerUnit, improvement.multiply(valuePerUnit));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
