package com.engagementtracker.api.commands;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReleasePersonCommand(@TargetAggregateIdentifier String engagementId, String personId, LocalDate on) {
}
