package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AdjustBaselineCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        MetricId metricId,
        BigDecimal baselineValue,
        String reason) {
}
