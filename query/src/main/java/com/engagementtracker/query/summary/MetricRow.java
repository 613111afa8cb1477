package com.engagementtracker.query.summary;

import com.engagementtracker.api.Direction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A baseline metric of an engagement with its latest recorded value (corrections applied). */
@Entity
@Table(name = "engagement_metric")
class MetricRow {

    @Id
    @Column(length = 101)
    String id;
    @Column(name = "engagement_id", nullable = false, length = 36)
    String engagementId;
    @Column(name = "metric_id", nullable = false, length = 64)
    String metricId;
    @Column(nullable = false)
    int position;
    @Column(nullable = false)
    String name;
    @Column(nullable = false, length = 64)
    String unit;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Direction direction;
    @Column(name = "baseline_value", nullable = false, precision = 38, scale = 12)
    BigDecimal baselineValue;
    @Column(name = "latest_recording_id", length = 36)
    String latestRecordingId;
    @Column(name = "latest_value", precision = 38, scale = 12)
    BigDecimal latestValue;
    @Column(name = "latest_date")
    LocalDate latestDate;

    protected MetricRow() {
        // for JPA
    }

    MetricRow(String engagementId, String metricId, int position, String name, String unit, Direction direction,
              BigDecimal baselineValue) {
        this.id = key(engagementId, metricId);
        this.engagementId = engagementId;
        this.metricId = metricId;
        this.position = position;
        this.name = name;
        this.unit = unit;
        this.direction = direction;
        this.baselineValue = baselineValue;
    }

    static String key(String engagementId, String metricId) {
        return engagementId + "/" + metricId;
    }

    /** The newest-dated recording wins; of two on one date, the later-recorded one. */
    void recorded(String recordingId, LocalDate date, BigDecimal value) {
        if (latestDate == null || !date.isBefore(latestDate)) {
            latestRecordingId = recordingId;
            latestDate = date;
            latestValue = value;
        }
    }

    void corrected(String recordingId, BigDecimal value) {
        if (recordingId.equals(latestRecordingId)) {
            latestValue = value;
        }
    }
}
