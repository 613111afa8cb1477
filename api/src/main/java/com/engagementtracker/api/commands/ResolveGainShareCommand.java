package com.engagementtracker.api.commands;

import com.engagementtracker.api.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResolveGainShareCommand(@TargetAggregateIdentifier String engagementId, String statementId, Money supplierShare,
                                      String note) {
}
