package com.engagementtracker.api.commands;

import com.engagementtracker.api.BaselineMetric;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CaptureBaselineCommand(@TargetAggregateIdentifier String engagementId, List<BaselineMetric> metrics) {
}
