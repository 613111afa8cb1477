package com.engagementtracker.api.events;

import java.math.BigDecimal;
import java.time.LocalDate;

public record MetricCorrectedEvent(String engagementId, String recordingId, String metricId, LocalDate date,
                                   BigDecimal previousValue, BigDecimal value, String reason, String correctedBy) {
}
