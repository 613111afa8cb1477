package com.engagementtracker.api.commands;

import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.EngagementId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CaptureBaselineCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        List<BaselineMetric> metrics) {
}
