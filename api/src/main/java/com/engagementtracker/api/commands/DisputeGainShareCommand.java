package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.StatementId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisputeGainShareCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        StatementId statementId,
        String reason) {
}
