package com.engagementtracker.api.events;

import java.math.BigDecimal;
import java.time.LocalDate;

public record MetricRecordedEvent(String engagementId, String recordingId, String metricId, BigDecimal value,
                                  LocalDate date, String source, String recordedBy) {
}
