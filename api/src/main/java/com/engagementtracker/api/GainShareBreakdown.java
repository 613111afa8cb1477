package com.engagementtracker.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a settlement computed, so that a statement can be explained line by line. Money values
 * before the shares are exact (a deficit is carried forward exactly); {@code supplierShare} and
 * {@code customerShare} are rounded once, and add up to the rounded shareable gain. {@code figures} are the
 * amounts a reader shows, rounded once, here, when the settlement decides them, and carried in the event:
 * readers copy them and never round again.
 */
public record GainShareBreakdown(List<MetricGain> metrics, BigDecimal grossGain, BigDecimal deficitBefore,
                                 BigDecimal deficitAfter, BigDecimal hurdle, BigDecimal shareableGain,
                                 BigDecimal sharePercent, BigDecimal uncappedSupplierShare, CapApplied capApplied,
                                 Money supplierShare, Money customerShare, Figures figures) {

    /** The period's gross gain, its shareable gain, and the deficit carried out of it, as money. */
    public record Figures(Money grossGain, Money shareableGain, Money carriedDeficit) {
    }

    public GainShareBreakdown {
        metrics = List.copyOf(metrics);
        if (figures == null) {
            // a new breakdown, or one stored before the figures travelled with it
            figures = new Figures(Money.rounded(grossGain, supplierShare.currency()),
                    Money.rounded(shareableGain, supplierShare.currency()), Money.rounded(deficitAfter, supplierShare.currency()));
        }
    }

    /** A breakdown as the settlement decides it: its figures are rounded from its exact amounts. */
    public GainShareBreakdown(List<MetricGain> metrics, BigDecimal grossGain, BigDecimal deficitBefore,
                              BigDecimal deficitAfter, BigDecimal hurdle, BigDecimal shareableGain,
                              BigDecimal sharePercent, BigDecimal uncappedSupplierShare, CapApplied capApplied,
                              Money supplierShare, Money customerShare) {
        this(metrics, grossGain, deficitBefore, deficitAfter, hurdle, shareableGain, sharePercent, uncappedSupplierShare,
                capApplied, supplierShare, customerShare, null);
    }
}
