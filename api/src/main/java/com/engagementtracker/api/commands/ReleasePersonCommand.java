package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.PersonId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleasePersonCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        PersonId personId,
        LocalDate on) {
}
