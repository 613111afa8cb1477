package com.engagementtracker.query.summary;

import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EngagementStatus;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.events.BaselineAdjustedEvent;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.events.EngagementCancelledEvent;
import com.engagementtracker.api.events.EngagementCompletedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.PlanChangedEvent;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.events.PersonAssignedEvent;
import com.engagementtracker.api.events.PersonReleasedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.api.queries.FindEngagementQuery;
import com.engagementtracker.query.Updates;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * The engagement summary's tables: status, people and each metric's baseline against its latest value.
 * Each row is inserted once, keyed by what its event created (see {@link Updates}). Summaries are
 * read through {@link EngagementSummaries} and pushed to their subscribers after each change.
 */
@Component
@ProcessingGroup(EngagementSummaryProjection.PROCESSING_GROUP)
public class EngagementSummaryProjection {

    public static final String PROCESSING_GROUP = "engagement-summary";

    private final EntityManager entityManager;
    private final EngagementSummaries summaries;
    private final QueryUpdateEmitter emitter;

    public EngagementSummaryProjection(EntityManager entityManager, EngagementSummaries summaries,
                                       QueryUpdateEmitter emitter) {
        this.entityManager = entityManager;
        this.summaries = summaries;
        this.emitter = emitter;
    }

    @EventHandler
    public void on(EngagementOpenedEvent event) {
        entityManager.persist(new EngagementRow(event.engagementId().value(), event.customerId(), event.customerName(),
                event.title(), event.customerJob(), event.currency().getCurrencyCode(), event.plannedStart(), event.plannedEnd()));
        changed(event.engagementId());
    }

    @EventHandler
    public void on(PlanChangedEvent event) {
        EngagementRow row = engagement(event.engagementId());
        row.plannedStart = event.plannedStart();
        row.plannedEnd = event.plannedEnd();
        changed(event.engagementId());
    }

    @EventHandler
    public void on(TermsAgreedEvent event) {
        engagement(event.engagementId()).model = event.model();
        changed(event.engagementId());
    }

    @EventHandler
    public void on(BaselineCapturedEvent event) {
        List<BaselineMetric> metrics = event.metrics();
        for (int position = 0; position < metrics.size(); position++) {
            BaselineMetric metric = metrics.get(position);
            entityManager.persist(new MetricRow(event.engagementId().value(), metric.metricId().value(), position,
                    metric.name(), metric.unit(), metric.direction(), metric.baselineValue()));
        }
        changed(event.engagementId());
    }

    @EventHandler
    public void on(BaselineAdjustedEvent event) {
        metric(event.engagementId(), event.metricId()).baselineValue = event.baselineValue();
        changed(event.engagementId());
    }

    @EventHandler
    public void on(PersonAssignedEvent event, @MessageIdentifier String assignmentId) {
        entityManager.persist(new PersonRow(assignmentId, event.engagementId().value(), event.personId().value(),
                event.organisationKind(), event.organisationName(), event.role(),
                event.allocationPercent(), event.from(), event.to(), event.dayRate() == null ? null : event.dayRate().amount()));
        changed(event.engagementId());
    }

    @EventHandler
    public void on(PersonReleasedEvent event) {
        entityManager.createQuery("""
                        update PersonRow p set p.releasedOn = :on
                        where p.engagementId = :engagementId and p.personId = :personId and p.releasedOn is null""")
                .setParameter("on", event.on())
                .setParameter("engagementId", event.engagementId().value())
                .setParameter("personId", event.personId().value())
                .executeUpdate();
        changed(event.engagementId());
    }

    @EventHandler
    public void on(EngagementStartedEvent event) {
        EngagementRow row = engagement(event.engagementId());
        row.status = EngagementStatus.ACTIVE;
        row.startedOn = event.on();
        changed(event.engagementId());
    }

    @EventHandler
    public void on(MetricRecordedEvent event) {
        metric(event.engagementId(), event.metricId())
                .recorded(event.recordingId().value(), event.date(), event.value());
        changed(event.engagementId());
    }

    @EventHandler
    public void on(MetricCorrectedEvent event) {
        metric(event.engagementId(), event.metricId()).corrected(event.recordingId().value(), event.value());
        changed(event.engagementId());
    }

    @EventHandler
    public void on(EngagementCompletedEvent event) {
        ended(event.engagementId(), EngagementStatus.COMPLETED, event.on());
    }

    @EventHandler
    public void on(EngagementCancelledEvent event) {
        ended(event.engagementId(), EngagementStatus.CANCELLED, event.on());
    }

    @ResetHandler
    public void reset() {
        for (String entity : new String[]{"PersonRow", "MetricRow", "EngagementRow"}) {
            entityManager.createQuery("delete from " + entity).executeUpdate();
        }
    }

    private void ended(EngagementId engagementId, EngagementStatus status, LocalDate on) {
        EngagementRow row = engagement(engagementId);
        row.status = status;
        row.endedOn = on;
        changed(engagementId);
    }

    private EngagementRow engagement(EngagementId engagementId) {
        return entityManager.find(EngagementRow.class, engagementId.value());
    }

    private MetricRow metric(EngagementId engagementId, MetricId metricId) {
        return entityManager.find(MetricRow.class, MetricRow.key(engagementId.value(), metricId.value()));
    }

    private void changed(EngagementId engagementId) {
        Updates.emit(emitter, FindEngagementQuery.class, query -> query.engagementId().equals(engagementId),
                () -> summaries.handle(new FindEngagementQuery(engagementId)));
    }
}
