package com.engagementtracker.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a settlement computed, so that a statement can be explained line by line. Money values
 * before the shares are exact; {@code supplierShare} and {@code customerShare} are rounded once, and
 * add up to the rounded shareable gain.
 */
public record GainShareBreakdown(List<MetricGain> metrics, BigDecimal grossGain, BigDecimal deficitBefore,
                                 BigDecimal deficitAfter, BigDecimal hurdle, BigDecimal shareableGain,
                                 BigDecimal sharePercent, BigDecimal uncappedSupplierShare, CapApplied capApplied,
                                 Money supplierShare, Money customerShare) {

    public GainShareBreakdown {
        metrics = List.copyOf(metrics);
    }
}
