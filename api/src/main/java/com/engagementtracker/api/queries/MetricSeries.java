package com.engagementtracker.api.queries;

import com.engagementtracker.api.Direction;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.RecordingId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A metric over time against its baseline: one point per recording, in date order, showing the corrected
 * value where there was a correction. {@code improvement} is positive when better, whatever the direction.
 */
public record MetricSeries(EngagementId engagementId, MetricId metricId, String name, String unit, Direction direction,
                           BigDecimal baselineValue, List<Point> points) {

    /** {@code unit}: the unit the value was recorded in, as its event says. */
    public record Point(LocalDate date, BigDecimal value, String unit, RecordingId recordingId, boolean corrected,
                        BigDecimal originalValue, BigDecimal improvement, BigDecimal improvementPercent) {
    }
}
