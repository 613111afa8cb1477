package com.engagementtracker.api;

import java.math.BigDecimal;

/**
 * One metric's line in a gain-share settlement, in full precision. {@code measuredValue},
 * {@code improvement} and {@code gain} are null when nothing was recorded for the metric in the period
 * (then it contributes no gain).
 */
public record MetricGain(MetricId metricId, int recordings, BigDecimal baselineValue, BigDecimal measuredValue,
                         BigDecimal improvement, BigDecimal valuePerUnit, BigDecimal gain) {
}
