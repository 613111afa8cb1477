package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.StatementId;

public record GainShareResolvedEvent(EngagementId engagementId, StatementId statementId, Money settledShare,
                                     Money supplierShare, String note) {
}
