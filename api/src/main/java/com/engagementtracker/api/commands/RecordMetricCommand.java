package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.RecordingId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordMetricCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        RecordingId recordingId,
        MetricId metricId,
        BigDecimal value,
        LocalDate date,
        String source,
        String recordedBy) {
}
