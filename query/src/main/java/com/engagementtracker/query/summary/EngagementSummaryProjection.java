package com.engagementtracker.query.summary;

import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EngagementStatus;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.events.BaselineAdjustedEvent;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.events.EngagementCancelledEvent;
import com.engagementtracker.api.events.EngagementCompletedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.events.PersonAssignedEvent;
import com.engagementtracker.api.events.PersonReleasedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FindEngagementQuery;
import com.engagementtracker.query.Decimals;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The engagement summary: status, people and each metric's baseline against its latest value. Every
 * handler writes by key, so handling an event again (a replay) leaves the same rows.
 */
@Component
@ProcessingGroup(EngagementSummaryProjection.PROCESSING_GROUP)
public class EngagementSummaryProjection {

    public static final String PROCESSING_GROUP = "engagement-summary";

    private final EntityManager entityManager;

    public EngagementSummaryProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(EngagementOpenedEvent event) {
        entityManager.merge(new EngagementRow(event.engagementId().value(), event.customerId(), event.customerName(),
                event.title(), event.currency().getCurrencyCode(), event.plannedStart(), event.plannedEnd()));
    }

    @EventHandler
    void on(TermsAgreedEvent event) {
        engagement(event.engagementId().value()).model = event.model();
    }

    @EventHandler
    void on(BaselineCapturedEvent event) {
        List<BaselineMetric> metrics = event.metrics();
        for (int position = 0; position < metrics.size(); position++) {
            BaselineMetric metric = metrics.get(position);
            entityManager.merge(new MetricRow(event.engagementId().value(), metric.metricId().value(), position, metric.name(),
                    metric.unit(), metric.direction(), metric.baselineValue()));
        }
    }

    @EventHandler
    void on(BaselineAdjustedEvent event) {
        metric(event.engagementId().value(), event.metricId().value()).baselineValue = event.baselineValue();
    }

    @EventHandler
    void on(PersonAssignedEvent event, @MessageIdentifier String assignmentId) {
        entityManager.merge(new PersonRow(assignmentId, event.engagementId().value(), event.personId().value(), event.displayName(),
                event.organisationKind(), event.organisationName(), event.role(), event.allocationPercent(),
                event.from(), event.to()));
    }

    @EventHandler
    void on(PersonReleasedEvent event) {
        entityManager.createQuery("""
                        update PersonRow p set p.releasedOn = :on
                        where p.engagementId = :engagementId and p.personId = :personId and p.releasedOn is null""")
                .setParameter("on", event.on())
                .setParameter("engagementId", event.engagementId().value())
                .setParameter("personId", event.personId().value())
                .executeUpdate();
    }

    @EventHandler
    void on(EngagementStartedEvent event) {
        EngagementRow row = engagement(event.engagementId().value());
        row.status = EngagementStatus.ACTIVE;
        row.startedOn = event.on();
    }

    @EventHandler
    void on(MetricRecordedEvent event) {
        metric(event.engagementId().value(), event.metricId().value()).recorded(event.recordingId().value(), event.date(), event.value());
    }

    @EventHandler
    void on(MetricCorrectedEvent event) {
        metric(event.engagementId().value(), event.metricId().value()).corrected(event.recordingId().value(), event.value());
    }

    @EventHandler
    void on(EngagementCompletedEvent event) {
        ended(event.engagementId().value(), EngagementStatus.COMPLETED, event.on());
    }

    @EventHandler
    void on(EngagementCancelledEvent event) {
        ended(event.engagementId().value(), EngagementStatus.CANCELLED, event.on());
    }

    @QueryHandler
    public EngagementSummary handle(FindEngagementQuery query) {
        EngagementRow row = entityManager.find(EngagementRow.class, query.engagementId().value());
        return row == null ? null : summary(row);
    }

    private EngagementSummary summary(EngagementRow row) {
        List<EngagementSummary.Person> people = entityManager.createQuery(
                        "from PersonRow p where p.engagementId = :id order by p.from, p.personId", PersonRow.class)
                .setParameter("id", row.id)
                .getResultStream()
                .map(p -> new EngagementSummary.Person(new PersonId(p.personId), p.displayName, p.organisationKind,
                        p.organisationName, p.role, Decimals.plain(p.allocationPercent), p.from, p.to, p.releasedOn))
                .toList();
        List<EngagementSummary.Metric> metrics = entityManager.createQuery(
                        "from MetricRow m where m.engagementId = :id order by m.position", MetricRow.class)
                .setParameter("id", row.id)
                .getResultStream()
                .map(EngagementSummaryProjection::metric)
                .toList();
        return new EngagementSummary(new EngagementId(row.id), row.customerId, row.customerName, row.title, row.status, row.model,
                Currency.getInstance(row.currency), row.plannedStart, row.plannedEnd, row.startedOn, row.endedOn,
                people, metrics, null, null, null, null);
    }

    private static EngagementSummary.Metric metric(MetricRow m) {
        BigDecimal baseline = Decimals.plain(m.baselineValue);
        BigDecimal latest = Decimals.plain(m.latestValue);
        BigDecimal improvement = latest == null ? null : Decimals.plain(m.direction.improvement(latest, baseline));
        return new EngagementSummary.Metric(new MetricId(m.metricId), m.name, m.unit, m.direction, baseline, latest, m.latestDate,
                improvement, Decimals.percentOf(improvement, baseline));
    }

    private void ended(String engagementId, EngagementStatus status, LocalDate on) {
        EngagementRow row = engagement(engagementId);
        row.status = status;
        row.endedOn = on;
    }

    private EngagementRow engagement(String engagementId) {
        return entityManager.find(EngagementRow.class, engagementId);
    }

    private MetricRow metric(String engagementId, String metricId) {
        return entityManager.find(MetricRow.class, MetricRow.key(engagementId, metricId));
    }
}
