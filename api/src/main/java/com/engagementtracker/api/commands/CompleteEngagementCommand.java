package com.engagementtracker.api.commands;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteEngagementCommand(@TargetAggregateIdentifier String engagementId, LocalDate on, String summary) {
}
