package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import java.math.BigDecimal;
import java.time.LocalDate;

public record MetricCorrectedEvent(
        EngagementId engagementId,
        RecordingId recordingId,
        MetricId metricId,
        LocalDate date,
        BigDecimal previousValue,
        BigDecimal value,
        String reason,
        PersonId correctedBy) {
}
