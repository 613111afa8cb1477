package com.engagementtracker.api.commands;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConfirmGainShareCommand(@TargetAggregateIdentifier String engagementId, String statementId) {
}
