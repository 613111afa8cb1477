package com.engagementtracker.query.history;

import com.engagementtracker.api.AuditMetadata;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.DocumentType;
import com.engagementtracker.api.events.BaselineAdjustedEvent;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.events.EngagementCancelledEvent;
import com.engagementtracker.api.events.EngagementCompletedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.GainShareConfirmedEvent;
import com.engagementtracker.api.events.GainShareDisputedEvent;
import com.engagementtracker.api.events.GainShareResolvedEvent;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.InvoiceIssuedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.events.PaymentAppliedEvent;
import com.engagementtracker.api.events.PaymentRecordedEvent;
import com.engagementtracker.api.events.PersonAssignedEvent;
import com.engagementtracker.api.events.PersonReleasedEvent;
import com.engagementtracker.api.events.PlanChangedEvent;
import com.engagementtracker.api.events.SubscriptionFeeChangedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.api.queries.EngagementHistory;
import com.engagementtracker.api.queries.FetchHistoryQuery;
import com.engagementtracker.query.Decimals;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * An engagement's history, read from its event stream itself (never from a snapshot or a read model): every
 * fact in order, who caused it (from the event's audit metadata), and a sentence saying what it was. People
 * appear by person id; their names are in the directory, not in history.
 */
@Component
public class EngagementHistories {

    private final EventStore eventStore;

    public EngagementHistories(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public EngagementHistory handle(FetchHistoryQuery query) {
        List<EngagementHistory.Entry> entries = eventStore.readEvents(query.engagementId().value(), 0).asStream()
                .map(EngagementHistories::entry)
                .toList();
        return entries.isEmpty() ? null : new EngagementHistory(entries);
    }

    private static EngagementHistory.Entry entry(DomainEventMessage<?> event) {
        String type = event.getPayloadType().getSimpleName().replaceFirst("Event$", "");
        return new EngagementHistory.Entry(event.getSequenceNumber(), type, event.getTimestamp(),
                (String) event.getMetaData().get(AuditMetadata.ACTOR), (String) event.getMetaData().get(AuditMetadata.ROLE),
                (String) event.getMetaData().get(AuditMetadata.CORRELATION_ID), summary(event.getPayload()));
    }

    static String summary(Object fact) {
        if (fact instanceof EngagementOpenedEvent e) {
            return "opened for " + e.customerName() + ": " + e.title() + ", planned " + e.plannedStart() + " to "
                    + e.plannedEnd() + ", in " + e.currency();
        } else if (fact instanceof PlanChangedEvent e) {
            return "plan moved from " + e.previousStart() + " to " + e.previousEnd() + ", now " + e.plannedStart() + " to "
                    + e.plannedEnd() + ": " + e.reason();
        } else if (fact instanceof TermsAgreedEvent e) {
            return "terms agreed: " + e.model()
                    + (e.subscription() == null ? "" : ", " + e.subscription().monthlyFee() + " a month")
                    + (e.gainShare() == null ? "" : ", " + Decimals.plain(e.gainShare().sharePercent()).toPlainString()
                    + " % of the measured gain, settled " + e.gainShare().settlementPeriod().name().toLowerCase()
                    + ", disputes within " + e.gainShare().disputeWindowDays() + " days");
        } else if (fact instanceof BaselineCapturedEvent e) {
            return "baseline captured: " + e.metrics().stream().map(m -> m.metricId() + " " + plain(m)).collect(Collectors.joining(", "));
        } else if (fact instanceof BaselineAdjustedEvent e) {
            return "baseline of " + e.metricId() + " adjusted from " + e.previousValue().toPlainString() + " to "
                    + e.baselineValue().toPlainString() + ": " + e.reason();
        } else if (fact instanceof PersonAssignedEvent e) {
            return e.personId() + " assigned as " + e.role() + " (" + e.organisationKind()
                    + (e.organisationName() == null ? "" : ", " + e.organisationName()) + ") at "
                    + Decimals.plain(e.allocationPercent()).toPlainString() + " % from " + e.from() + " to " + e.to();
        } else if (fact instanceof PersonReleasedEvent e) {
            return e.personId() + " released on " + e.on();
        } else if (fact instanceof EngagementStartedEvent e) {
            return "work started on " + e.on();
        } else if (fact instanceof MetricRecordedEvent e) {
            return e.metricId() + " recorded " + e.value().toPlainString() + (e.unit() == null ? "" : " " + e.unit())
                    + " for " + e.date();
        } else if (fact instanceof MetricCorrectedEvent e) {
            return e.metricId() + " of " + e.date() + " corrected from " + e.previousValue().toPlainString() + " to "
                    + e.value().toPlainString() + ": " + e.reason();
        } else if (fact instanceof GainSharedEvent e) {
            return "gain shared for " + e.periodStart() + " to " + e.periodEnd() + ": supplier "
                    + e.breakdown().supplierShare() + ", customer " + e.breakdown().customerShare();
        } else if (fact instanceof GainShareConfirmedEvent e) {
            return "statement " + e.statementId() + " confirmed";
        } else if (fact instanceof GainShareDisputedEvent e) {
            return "statement " + e.statementId() + " disputed: " + e.reason();
        } else if (fact instanceof GainShareResolvedEvent e) {
            return "statement " + e.statementId() + " resolved: supplier share " + e.supplierShare() + " instead of "
                    + e.settledShare() + ": " + e.note();
        } else if (fact instanceof SubscriptionFeeChangedEvent e) {
            return "monthly fee " + e.monthlyFee() + " from " + e.effectiveFrom();
        } else if (fact instanceof PaymentRecordedEvent e) {
            return "payment of " + e.amount() + " received on " + e.receivedOn() + ", reference " + e.reference();
        } else if (fact instanceof InvoiceIssuedEvent e) {
            return (e.documentType() == DocumentType.CREDIT_NOTE ? "credit note " : "invoice ") + e.number() + " for " + e.month()
                    + ": " + e.total() + ", due " + e.dueOn();
        } else if (fact instanceof PaymentAppliedEvent e) {
            return e.amount() + (e.paymentId() == null ? " of credit" : " of a payment") + " applied to invoice " + e.invoiceId();
        } else if (fact instanceof EngagementCompletedEvent e) {
            return "completed on " + e.on();
        } else if (fact instanceof EngagementCancelledEvent e) {
            return "cancelled on " + e.on() + ": " + e.reason();
        }
        return fact.getClass().getSimpleName();
    }

    private static String plain(BaselineMetric metric) {
        return metric.baselineValue().toPlainString() + " " + metric.unit();
    }
}
