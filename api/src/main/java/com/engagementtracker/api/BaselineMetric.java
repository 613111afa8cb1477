package com.engagementtracker.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One metric as captured in the baseline. {@code valuePerUnit} is the money value of one unit of
 * improvement; null for a metric that is tracked but not gain-shared. {@code minValue} and {@code maxValue}
 * bound every value the metric may take (its baseline, adjustments, recordings, corrections); null for no bound.
 */
public record BaselineMetric(MetricId metricId, String name, String unit, Direction direction,
                             BigDecimal baselineValue, LocalDate baselineFrom, LocalDate baselineTo,
                             String source, Aggregation aggregation, Money valuePerUnit, BigDecimal minValue,
                             BigDecimal maxValue) {

    /** A metric without bounds, as captured before they existed. */
    public BaselineMetric(MetricId metricId, String name, String unit, Direction direction, BigDecimal baselineValue,
                          LocalDate baselineFrom, LocalDate baselineTo, String source, Aggregation aggregation,
                          Money valuePerUnit) {
        this(metricId, name, unit, direction, baselineValue, baselineFrom, baselineTo, source, aggregation, valuePerUnit,
                null, null);
    }

    public BaselineMetric {
        Objects.requireNonNull(metricId, "metricId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(baselineValue, "baselineValue");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(baselineFrom, "baselineFrom");
        Objects.requireNonNull(baselineTo, "baselineTo");
        InvalidValue.requireOrder(baselineFrom, baselineTo, "baselineFrom", "baselineTo");
        if (valuePerUnit != null && valuePerUnit.negative()) {
            throw new InvalidValue("valuePerUnit", "must not be negative: the direction already says which way is better");
        }
        if (minValue != null && maxValue != null && maxValue.compareTo(minValue) < 0) {
            throw new InvalidValue("maxValue", "must not be below minValue");
        }
        // the fields are assigned only after this constructor's body: the bounds are read from its parameters
        if (!within(baselineValue, minValue, maxValue)) {
            throw new InvalidValue("baselineValue", "must be " + range(minValue, maxValue) + ", the metric's own bounds");
        }
    }

    /** Whether the metric can take {@code value}: within its bounds, where it has them. */
    public boolean allows(BigDecimal value) {
        return within(value, minValue, maxValue);
    }

    /** The bounds in words: "from 0 to 100", "at least 0", "at most 100" or "any value". */
    public String range() {
        return range(minValue, maxValue);
    }

    private static boolean within(BigDecimal value, BigDecimal minValue, BigDecimal maxValue) {
        return (minValue == null || value.compareTo(minValue) >= 0) && (maxValue == null || value.compareTo(maxValue) <= 0);
    }

    private static String range(BigDecimal minValue, BigDecimal maxValue) {
        if (minValue != null && maxValue != null) {
            return "from " + minValue.toPlainString() + " to " + maxValue.toPlainString();
        }
        if (minValue != null) {
            return "at least " + minValue.toPlainString();
        }
        return maxValue != null ? "at most " + maxValue.toPlainString() : "any value";
    }

    public boolean gainShared() {
        return valuePerUnit != null;
    }

    public BaselineMetric withBaselineValue(BigDecimal value) {
        return new BaselineMetric(metricId, name, unit, direction, value, baselineFrom, baselineTo, source,
                aggregation, valuePerUnit, minValue, maxValue);
    }
}
