package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CorrectMetricCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        MetricId metricId,
        RecordingId recordingId,
        BigDecimal value,
        String reason,
        PersonId correctedBy) {
}
