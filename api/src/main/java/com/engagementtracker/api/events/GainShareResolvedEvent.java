package com.engagementtracker.api.events;

import com.engagementtracker.api.Money;

public record GainShareResolvedEvent(String engagementId, String statementId, Money settledShare,
                                     Money supplierShare, String note) {
}
