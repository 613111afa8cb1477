package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.StatementId;

/**
 * A disputed statement resolved at the supplier share both sides agreed; {@code customerShare} is what the
 * customer keeps of the shareable gain, as the engagement decided it (absent in events stored before it
 * travelled with them).
 */
public record GainShareResolvedEvent(EngagementId engagementId, StatementId statementId, Money settledShare,
                                     Money supplierShare, String note, Money customerShare) {

    public GainShareResolvedEvent(EngagementId engagementId, StatementId statementId, Money settledShare,
                                  Money supplierShare, String note) {
        this(engagementId, statementId, settledShare, supplierShare, note, null);
    }
}
