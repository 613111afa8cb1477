package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.RecordingId;
import java.math.BigDecimal;
import java.time.LocalDate;

public record MetricRecordedEvent(
        EngagementId engagementId,
        RecordingId recordingId,
        MetricId metricId,
        BigDecimal value,
        LocalDate date,
        String source,
        String recordedBy) {
}
