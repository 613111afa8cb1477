package com.engagementtracker.api.commands;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AdjustBaselineCommand(@TargetAggregateIdentifier String engagementId, String metricId, BigDecimal baselineValue,
                                    String reason) {
}
