package com.engagementtracker.api.commands;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CorrectMetricCommand(@TargetAggregateIdentifier String engagementId, String metricId, String recordingId,
                                   BigDecimal value, String reason, String correctedBy) {
}
