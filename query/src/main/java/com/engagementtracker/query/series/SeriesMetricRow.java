package com.engagementtracker.query.series;

import com.engagementtracker.api.Direction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A metric as its series needs it: name, unit, direction and the baseline (as adjusted). */
@Entity
@Table(name = "series_metric")
class SeriesMetricRow {

    @Id
    @Column(length = 101)
    String id;
    @Column(name = "engagement_id", nullable = false, length = 36)
    String engagementId;
    @Column(name = "metric_id", nullable = false, length = 64)
    String metricId;
    @Column(nullable = false)
    String name;
    @Column(nullable = false, length = 64)
    String unit;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Direction direction;
    @Column(name = "baseline_value", nullable = false, precision = 38, scale = 12)
    BigDecimal baselineValue;

    protected SeriesMetricRow() {
        // for JPA
    }

    SeriesMetricRow(String engagementId, String metricId, String name, String unit, Direction direction, BigDecimal baselineValue) {
        this.id = key(engagementId, metricId);
        this.engagementId = engagementId;
        this.metricId = metricId;
        this.name = name;
        this.unit = unit;
        this.direction = direction;
        this.baselineValue = baselineValue;
    }

    static String key(String engagementId, String metricId) {
        return engagementId + "/" + metricId;
    }
}
