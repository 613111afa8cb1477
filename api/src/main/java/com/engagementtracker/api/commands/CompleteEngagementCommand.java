package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteEngagementCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        LocalDate on,
        String summary) {
}
