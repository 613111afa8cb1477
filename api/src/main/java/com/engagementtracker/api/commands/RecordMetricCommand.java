package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code unit} is optional: when given, it must be the baseline metric's unit. */
public record RecordMetricCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        RecordingId recordingId,
        MetricId metricId,
        BigDecimal value,
        String unit,
        LocalDate date,
        String source,
        PersonId recordedBy) {
}
