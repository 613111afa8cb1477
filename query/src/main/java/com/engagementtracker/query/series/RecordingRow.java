package com.engagementtracker.query.series;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One recording of a metric: the value in force (corrections applied) and the value first recorded. */
@Entity
@Table(name = "metric_recording")
class RecordingRow {

    @Id
    @Column(name = "recording_id", length = 36)
    String recordingId;
    @Column(name = "engagement_id", nullable = false, length = 36)
    String engagementId;
    @Column(name = "metric_id", nullable = false, length = 64)
    String metricId;
    @Column(name = "recorded_for", nullable = false)
    LocalDate date;
    @Column(name = "recorded_value", nullable = false, precision = 38, scale = 12)
    BigDecimal value;
    @Column(name = "original_value", nullable = false, precision = 38, scale = 12)
    BigDecimal originalValue;
    /** null for a recording stored before events carried their unit: the metric's unit then */
    @Column(length = 64)
    String unit;
    @Column(nullable = false)
    boolean corrected;
    /** the event's place in the engagement's stream: orders two recordings of one date */
    @Column(nullable = false)
    long sequence;

    protected RecordingRow() {
        // for JPA
    }

    RecordingRow(String recordingId, String engagementId, String metricId, LocalDate date, BigDecimal value,
                 String unit, long sequence) {
        this.unit = unit;
        this.recordingId = recordingId;
        this.engagementId = engagementId;
        this.metricId = metricId;
        this.date = date;
        this.value = value;
        this.originalValue = value;
        this.sequence = sequence;
    }
}
