package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.InvalidValue;
import com.engagementtracker.api.StatementId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SettleGainShareCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        StatementId statementId,
        LocalDate periodStart,
        LocalDate periodEnd) {

    public SettleGainShareCommand {
        InvalidValue.requireOrder(periodStart, periodEnd, "periodStart", "periodEnd");
    }
}
