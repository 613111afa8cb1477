package com.engagementtracker.query.billing;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.events.EngagementCancelledEvent;
import com.engagementtracker.api.events.EngagementCompletedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.GainShareConfirmedEvent;
import com.engagementtracker.api.events.GainShareDisputedEvent;
import com.engagementtracker.api.events.GainShareResolvedEvent;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.InvoiceIssuedEvent;
import com.engagementtracker.api.events.PaymentRecordedEvent;
import com.engagementtracker.api.events.SubscriptionFeeChangedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.api.queries.Costs;
import com.engagementtracker.api.queries.EngagementMargin;
import com.engagementtracker.api.queries.EngagementMoney;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FetchChargesQuery;
import com.engagementtracker.api.queries.FetchCostsQuery;
import com.engagementtracker.api.queries.FetchEngagementMoneyQuery;
import com.engagementtracker.api.queries.FetchMarginQuery;
import com.engagementtracker.api.queries.FetchMarginsQuery;
import com.engagementtracker.api.queries.FetchReconciliationQuery;
import com.engagementtracker.api.queries.FetchStatementsQuery;
import com.engagementtracker.api.queries.FindEngagementQuery;
import com.engagementtracker.api.queries.GainShareStatement;
import com.engagementtracker.api.queries.GainShareStatements;
import com.engagementtracker.api.queries.Margins;
import com.engagementtracker.api.queries.Reconciliation;
import com.engagementtracker.api.queries.SubscriptionCharges;
import com.engagementtracker.query.Updates;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * The billing read model: agreed fees and their changes, gain-share statements, payments. Each row is
 * inserted once, keyed by what its event created (see {@link Updates}), so a replay cannot double a total;
 * the totals themselves are computed by {@link BillingLedger} from these rows when asked.
 */
@Component
@ProcessingGroup(BillingProjection.PROCESSING_GROUP)
public class BillingProjection {

    public static final String PROCESSING_GROUP = "billing";

    private final EntityManager entityManager;
    private final QueryGateway queries;
    private final QueryUpdateEmitter emitter;
    private final Clock clock;

    public BillingProjection(EntityManager entityManager, QueryGateway queries, QueryUpdateEmitter emitter,
                             Clock clock) {
        this.entityManager = entityManager;
        this.queries = queries;
        this.emitter = emitter;
        this.clock = clock;
    }

    @EventHandler
    public void on(EngagementOpenedEvent event) {
        entityManager.persist(new BillingEngagementRow(event.engagementId().value(), event.customerId(),
                event.customerName(), event.currency().getCurrencyCode()));
    }

    @EventHandler
    public void on(TermsAgreedEvent event) {
        BillingEngagementRow row = engagement(event.engagementId());
        row.model = event.model();
        row.agreedFee = event.subscription() == null ? null : event.subscription().monthlyFee().amount();
        summaryChanged(event.engagementId());
    }

    @EventHandler
    public void on(EngagementStartedEvent event) {
        engagement(event.engagementId()).startedOn = event.on();
        summaryChanged(event.engagementId());
    }

    @EventHandler
    public void on(SubscriptionFeeChangedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        entityManager.persist(new FeeChangeRow(eventId, event.engagementId().value(), event.effectiveFrom(),
                event.monthlyFee().amount(), sequence));
        summaryChanged(event.engagementId());
    }

    @EventHandler
    public void on(GainSharedEvent event) {
        entityManager.persist(new StatementRow(event.engagementId(), GainShareStatement.settled(event)));
        statementsChanged(event.engagementId());
    }

    @EventHandler
    public void on(GainShareConfirmedEvent event) {
        updateStatement(event.engagementId(), event.statementId(), GainShareStatement::confirmed);
    }

    @EventHandler
    public void on(GainShareDisputedEvent event) {
        updateStatement(event.engagementId(), event.statementId(), statement -> statement.disputed(event.reason()));
    }

    @EventHandler
    public void on(GainShareResolvedEvent event) {
        updateStatement(event.engagementId(), event.statementId(),
                statement -> statement.resolved(event));
    }

    @EventHandler
    public void on(PaymentRecordedEvent event) {
        entityManager.persist(new PaymentRow(event.paymentId().value(), event.engagementId().value(),
                event.amount().amount(), event.reference(), event.receivedOn()));
        summaryChanged(event.engagementId());
    }

    @EventHandler
    public void on(InvoiceIssuedEvent event) {
        entityManager.persist(new BillingInvoiceRow(event.invoiceId(), event.engagementId().value(), event.month().toString(),
                event.total().amount()));
        summaryChanged(event.engagementId());
    }

    @EventHandler
    public void on(EngagementCompletedEvent event) {
        ended(event.engagementId(), event.on());
    }

    @EventHandler
    public void on(EngagementCancelledEvent event) {
        ended(event.engagementId(), event.on());
    }

    @ResetHandler
    public void reset() {
        for (String entity : new String[]{"StatementRow", "PaymentRow", "FeeChangeRow", "BillingInvoiceRow", "BillingEngagementRow"}) {
            entityManager.createQuery("delete from " + entity).executeUpdate();
        }
    }

    @QueryHandler
    public SubscriptionCharges handle(FetchChargesQuery query) {
        return ledger().charges(query.engagementId()).orElse(null);
    }

    @QueryHandler
    public GainShareStatements handle(FetchStatementsQuery query) {
        if (entityManager.find(BillingEngagementRow.class, query.engagementId().value()) == null) {
            return null;
        }
        return new GainShareStatements(ledger().statements(query.engagementId()));
    }

    @QueryHandler
    public EngagementMoney handle(FetchEngagementMoneyQuery query) {
        return ledger().money(query.engagementIds());
    }

    @QueryHandler
    public Reconciliation handle(FetchReconciliationQuery query) {
        return ledger().reconciliation(query.month());
    }

    /** Revenue from these tables, cost from the summary's assignments (asked through a query, like the summary asks for money). */
    @QueryHandler
    public EngagementMargin handle(FetchMarginQuery query) {
        Costs costs = queries.query(new FetchCostsQuery(query.engagementId(), null), Costs.class).join();
        return ledger().margin(query.engagementId(), costs.costs()).orElse(null);
    }

    @QueryHandler
    public Margins handle(FetchMarginsQuery query) {
        Costs costs = queries.query(new FetchCostsQuery(null, query.month()), Costs.class).join();
        return ledger().margins(query.month(), costs.costs());
    }

    private BillingLedger ledger() {
        return new BillingLedger(entityManager, clock);
    }

    private void updateStatement(EngagementId engagementId, StatementId statementId,
                                 UnaryOperator<GainShareStatement> change) {
        StatementRow row = entityManager.find(StatementRow.class, statementId.value());
        row.update(change.apply(row.statement()));
        statementsChanged(engagementId);
    }

    private void ended(EngagementId engagementId, LocalDate on) {
        engagement(engagementId).endedOn = on;
        summaryChanged(engagementId);
    }

    private BillingEngagementRow engagement(EngagementId engagementId) {
        return entityManager.find(BillingEngagementRow.class, engagementId.value());
    }

    private void statementsChanged(EngagementId engagementId) {
        Updates.emit(emitter, FetchStatementsQuery.class, query -> query.engagementId().equals(engagementId),
                () -> handle(new FetchStatementsQuery(engagementId)));
        summaryChanged(engagementId);
    }

    private void summaryChanged(EngagementId engagementId) {
        Updates.emit(emitter, FindEngagementQuery.class, query -> query.engagementId().equals(engagementId),
                () -> queries.query(new FindEngagementQuery(engagementId), EngagementSummary.class).join());
    }
}
