package com.engagementtracker.query.series;

import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.events.BaselineAdjustedEvent;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.queries.FetchMetricSeriesQuery;
import com.engagementtracker.api.queries.MetricSeries;
import com.engagementtracker.query.Decimals;
import com.engagementtracker.query.Updates;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Each metric over time: one point per recording, showing the corrected value with a flag, against the
 * baseline the summary tables hold (adjustments included).
 */
@Component
@ProcessingGroup(MetricSeriesProjection.PROCESSING_GROUP)
public class MetricSeriesProjection {

    public static final String PROCESSING_GROUP = "metric-series";

    private final EntityManager entityManager;
    private final QueryUpdateEmitter emitter;

    public MetricSeriesProjection(EntityManager entityManager, QueryUpdateEmitter emitter) {
        this.entityManager = entityManager;
        this.emitter = emitter;
    }

    @EventHandler
    public void on(BaselineCapturedEvent event) {
        for (BaselineMetric metric : event.metrics()) {
            entityManager.persist(new SeriesMetricRow(event.engagementId().value(), metric.metricId().value(), metric.name(),
                    metric.unit(), metric.direction(), metric.baselineValue()));
        }
    }

    @EventHandler
    public void on(BaselineAdjustedEvent event) {
        SeriesMetricRow metric = entityManager.find(SeriesMetricRow.class,
                SeriesMetricRow.key(event.engagementId().value(), event.metricId().value()));
        metric.baselineValue = event.baselineValue();
        changed(event.engagementId(), event.metricId());
    }

    @EventHandler
    public void on(MetricRecordedEvent event, @SequenceNumber long sequence) {
        entityManager.persist(new RecordingRow(event.recordingId().value(), event.engagementId().value(),
                event.metricId().value(), event.date(), event.value(), event.unit(), sequence));
        changed(event.engagementId(), event.metricId());
    }

    @EventHandler
    public void on(MetricCorrectedEvent event) {
        RecordingRow row = entityManager.find(RecordingRow.class, event.recordingId().value());
        row.value = event.value();
        row.corrected = true;
        changed(event.engagementId(), event.metricId());
    }

    @ResetHandler
    public void reset() {
        entityManager.createQuery("delete from RecordingRow").executeUpdate();
        entityManager.createQuery("delete from SeriesMetricRow").executeUpdate();
    }

    @QueryHandler
    public MetricSeries handle(FetchMetricSeriesQuery query) {
        SeriesMetricRow metric = entityManager.find(SeriesMetricRow.class,
                SeriesMetricRow.key(query.engagementId().value(), query.metricId().value()));
        if (metric == null) {
            return null;
        }
        BigDecimal baseline = Decimals.plain(metric.baselineValue);
        List<MetricSeries.Point> points = entityManager.createQuery("""
                        from RecordingRow r where r.engagementId = :engagementId and r.metricId = :metricId
                        order by r.date, r.sequence""", RecordingRow.class)
                .setParameter("engagementId", metric.engagementId)
                .setParameter("metricId", metric.metricId)
                .getResultStream()
                .map(r -> {
                    BigDecimal value = Decimals.plain(r.value);
                    BigDecimal improvement = Decimals.plain(metric.direction.improvement(value, baseline));
                    return new MetricSeries.Point(r.date, value, r.unit == null ? metric.unit : r.unit,
                            new RecordingId(r.recordingId), r.corrected,
                            Decimals.plain(r.originalValue), improvement, Decimals.percentOf(improvement, baseline));
                })
                .toList();
        return new MetricSeries(query.engagementId(), query.metricId(), metric.name, metric.unit, metric.direction,
                baseline, points);
    }

    private void changed(EngagementId engagementId, MetricId metricId) {
        FetchMetricSeriesQuery query = new FetchMetricSeriesQuery(engagementId, metricId);
        Updates.emit(emitter, FetchMetricSeriesQuery.class, query::equals, () -> handle(query));
    }
}
