package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A value recorded for a metric on a date. Revision 2 added {@code unit}, the unit the value was measured
 * in (always the baseline metric's unit: the product converts nothing). Revision 1 events are read through
 * an upcaster that fills in the baseline's unit, or leave it null where the baseline is not in sight (a
 * reader then takes the metric's unit). {@code recordedBy} names a person of the directory by id, never by name.
 */
@Revision("2")
public record MetricRecordedEvent(
        EngagementId engagementId,
        RecordingId recordingId,
        MetricId metricId,
        BigDecimal value,
        String unit,
        LocalDate date,
        String source,
        PersonId recordedBy) {
}
