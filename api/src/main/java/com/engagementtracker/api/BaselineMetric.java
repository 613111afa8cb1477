package com.engagementtracker.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One metric as captured in the baseline. {@code valuePerUnit} is the money value of one unit of
 * improvement; null for a metric that is tracked but not gain-shared.
 */
public record BaselineMetric(MetricId metricId, String name, String unit, Direction direction,
                             BigDecimal baselineValue, LocalDate baselineFrom, LocalDate baselineTo,
                             String source, Aggregation aggregation, Money valuePerUnit) {

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
    }

    public boolean gainShared() {
        return valuePerUnit != null;
    }

    public BaselineMetric withBaselineValue(BigDecimal value) {
        return new BaselineMetric(metricId, name, unit, direction, value, baselineFrom, baselineTo, source,
                aggregation, valuePerUnit);
    }
}
