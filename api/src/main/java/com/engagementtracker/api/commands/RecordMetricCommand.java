package com.engagementtracker.api.commands;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordMetricCommand(@TargetAggregateIdentifier String engagementId, String recordingId, String metricId,
                                  BigDecimal value, LocalDate date, String source, String recordedBy) {
}
