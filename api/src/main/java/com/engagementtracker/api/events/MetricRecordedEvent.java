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
 * {@code externalId}, when the recording came from another system with an id of its own (a batch or an import), is
 * that id: unique per engagement and metric, so a recording sent twice is stored once. Events from before it have none.
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
        PersonId recordedBy,
        String externalId) {

    /** A recording with no id from another system: one typed in, or sent on its own. */
    public MetricRecordedEvent(EngagementId engagementId, RecordingId recordingId, MetricId metricId, BigDecimal value,
                               String unit, LocalDate date, String source, PersonId recordedBy) {
        this(engagementId, recordingId, metricId, value, unit, date, source, recordedBy, null);
    }
}
