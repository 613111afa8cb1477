package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.StatementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResolveGainShareCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        StatementId statementId,
        Money supplierShare,
        String note) {
}
