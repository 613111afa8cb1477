package com.engagementtracker.api.commands;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartEngagementCommand(@TargetAggregateIdentifier String engagementId, LocalDate on) {
}
