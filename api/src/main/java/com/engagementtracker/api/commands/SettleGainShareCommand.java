package com.engagementtracker.api.commands;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SettleGainShareCommand(@TargetAggregateIdentifier String engagementId, String statementId, LocalDate periodStart,
                                     LocalDate periodEnd) {
}
