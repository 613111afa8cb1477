package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.InvalidValue;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** New planned dates, with the reason they move; the start may move only before the work starts. */
public record ChangePlanCommand(@TargetAggregateIdentifier EngagementId engagementId, LocalDate plannedStart,
                                LocalDate plannedEnd, String reason) {

    public ChangePlanCommand {
        InvalidValue.requireOrder(plannedStart, plannedEnd, "plannedStart", "plannedEnd");
    }
}
