package com.engagementtracker.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisputeGainShareCommand(@TargetAggregateIdentifier String engagementId, String statementId, String reason) {
}
