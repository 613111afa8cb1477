package com.engagementtracker.api.queries;

import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.events.GainShareResolvedEvent;
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
                b.figures().grossGain(), b.figures().shareableGain(), b.supplierShare(), b.customerShare(),
                b.figures().carriedDeficit(), StatementStatus.SETTLED, null, null, b);
    }

    public GainShareStatement confirmed() {
        return new GainShareStatement(id, periodStart, periodEnd, grossGain, shareableGain, supplierShare,
                customerShare, carriedDeficit, StatementStatus.CONFIRMED, disputeReason, resolutionNote, breakdown);
    }

    public GainShareStatement disputed(String reason) {
        return new GainShareStatement(id, periodStart, periodEnd, grossGain, shareableGain, supplierShare,
                customerShare, carriedDeficit, StatementStatus.DISPUTED, reason, resolutionNote, breakdown);
    }

    /** The statement as resolved: the shares as the resolution event tells them. */
    public GainShareStatement resolved(GainShareResolvedEvent event) {
        // events stored before the customer's share travelled with the resolution: what the engagement decided then
        Money customerKeeps = event.customerShare() != null ? event.customerShare() : shareableGain.minus(event.supplierShare());
        return new GainShareStatement(id, periodStart, periodEnd, grossGain, shareableGain, event.supplierShare(),
                customerKeeps, carriedDeficit, StatementStatus.RESOLVED, disputeReason, event.note(), breakdown);
    }
}
