package com.engagementtracker.api.queries;

import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.events.GainSharedEvent;
import java.time.LocalDate;

/**
 * A gain-share statement as finance and the customer see it. The money values are the breakdown's,
 * rounded once; {@code supplierShare} is the resolved amount once a dispute is resolved, and
 * {@code customerShare} is what remains of the shareable gain. {@code carriedDeficit} is the loss carried
 * out of the period.
 */
public record GainShareStatement(StatementId id, LocalDate periodStart, LocalDate periodEnd, Money grossGain,
                                 Money shareableGain, Money supplierShare, Money customerShare,
                                 Money carriedDeficit, StatementStatus status, String disputeReason,
                                 String resolutionNote, GainShareBreakdown breakdown) {

    public static GainShareStatement settled(GainSharedEvent event) {
        GainShareBreakdown b = event.breakdown();
        var currency = b.supplierShare().currency();
        return new GainShareStatement(event.statementId(), event.periodStart(), event.periodEnd(),
                Money.rounded(b.grossGain(), currency), Money.rounded(b.shareableGain(), currency), b.supplierShare(),
                b.customerShare(), Money.rounded(b.deficitAfter(), currency), StatementStatus.SETTLED, null, null, b);
    }

    public GainShareStatement confirmed() {
        return new GainShareStatement(id, periodStart, periodEnd, grossGain, shareableGain, supplierShare,
                customerShare, carriedDeficit, StatementStatus.CONFIRMED, disputeReason, resolutionNote, breakdown);
    }

    public GainShareStatement disputed(String reason) {
        return new GainShareStatement(id, periodStart, periodEnd, grossGain, shareableGain, supplierShare,
                customerShare, carriedDeficit, StatementStatus.DISPUTED, reason, resolutionNote, breakdown);
    }

    public GainShareStatement resolved(Money agreedSupplierShare, String note) {
        return new GainShareStatement(id, periodStart, periodEnd, grossGain, shareableGain, agreedSupplierShare,
                shareableGain.minus(agreedSupplierShare), carriedDeficit, StatementStatus.RESOLVED, disputeReason, note,
                breakdown);
    }
}
