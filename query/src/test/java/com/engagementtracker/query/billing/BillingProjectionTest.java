package com.engagementtracker.query.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.CapApplied;
import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.DocumentType;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.InvoiceLine;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.PaymentId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.SubscriptionTerms;
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
import com.engagementtracker.api.queries.FetchChargesQuery;
import com.engagementtracker.api.queries.FetchReconciliationQuery;
import com.engagementtracker.api.queries.FetchStatementsQuery;
import com.engagementtracker.api.queries.FindEngagementQuery;
import com.engagementtracker.api.queries.GainShareStatement;
import com.engagementtracker.api.queries.Reconciliation;
import com.engagementtracker.api.queries.SubscriptionCharges;
import com.engagementtracker.query.JpaTestDatabase;
import com.engagementtracker.query.PersonDirectoryStub;
import com.engagementtracker.query.summary.EngagementSummaries;
import com.engagementtracker.query.summary.EngagementSummaryProjection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Billing from the events, with "today" 2026-06-15 and every amount written out. */
class BillingProjectionTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    private static final EngagementId ACME = new EngagementId("acme-1");
    private static final EngagementId GLOBEX = new EngagementId("globex-1");

    private final JpaTestDatabase database = new JpaTestDatabase();
    private final QueryGateway queries = PersonDirectoryStub.knowing(Map.of("ana", "Ana Lima", "ben", "Ben Okafor"));
    private final EngagementSummaries summaries = new EngagementSummaries(database.entityManager(), queries);
    private final BillingProjection projection = new BillingProjection(database.entityManager(), queries,
            mock(QueryUpdateEmitter.class), TODAY);

    @AfterEach
    void close() {
        database.close();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static GainSharedEvent settled(String statementId, String start, String end, String shareable,
                                           String supplier) {
        Money supplierShare = eur(supplier);
        Money shareableGain = eur(shareable);
        return new GainSharedEvent(ACME, new StatementId(statementId), date(start), date(end),
                new GainShareBreakdown(List.of(), shareableGain.amount(), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, shareableGain.amount(), new BigDecimal("20"), supplierShare.amount(),
                        CapApplied.NONE, supplierShare, shareableGain.minus(supplierShare)));
    }

    /** ACME: hybrid, 3100.00 a month from 2026-01-05, 3500.00 from 2026-03-15, completed 2026-05-20. */
    private void acmeHistory() {
        database.inTransaction(em -> {
            projection.on(new EngagementOpenedEvent(ACME, "acme", "ACME Logistics", "Inventory control",
                    new CustomerJob("stock", 5, 4, 4), date("2026-01-01"), date("2026-12-31"),
                    Currency.getInstance("EUR"), new PersonId("olivia")));
            projection.on(new TermsAgreedEvent(ACME, BillingModel.HYBRID, new SubscriptionTerms(eur("3100.00")),
                    new GainShareTerms(new BigDecimal("20"), null, null, null, true)));
            projection.on(new EngagementStartedEvent(ACME, date("2026-01-05")));
            projection.on(new SubscriptionFeeChangedEvent(ACME, eur("3500.00"), date("2026-03-15")), "fee-1", 5L);
            projection.on(settled("s-jan", "2026-01-01", "2026-01-31", "7000.00", "1400.00"));
            projection.on(new GainShareConfirmedEvent(ACME, new StatementId("s-jan")));
            projection.on(settled("s-feb", "2026-02-01", "2026-02-28", "3000.00", "600.00"));
            projection.on(new GainShareDisputedEvent(ACME, new StatementId("s-feb"), "warehouse 3 miscounted"));
            projection.on(new GainShareResolvedEvent(ACME, new StatementId("s-feb"), eur("600.00"), eur("500.00"),
                    "agreed on a recount"));
            projection.on(settled("s-mar", "2026-03-01", "2026-03-31", "1500.00", "300.00"));
            projection.on(new PaymentRecordedEvent(ACME, new PaymentId("p-1"), eur("2700.00"), "INV-1", date("2026-02-10")));
            projection.on(new PaymentRecordedEvent(ACME, new PaymentId("p-2"), eur("3000.00"), "INV-2", date("2026-03-05")));
            projection.on(new EngagementCompletedEvent(ACME, date("2026-05-20"), "done"));
        });
    }

    /** Globex: a plain subscription of 1000.00 USD a month from 2026-06-01, still running. */
    private void globexHistory() {
        database.inTransaction(em -> {
            projection.on(new EngagementOpenedEvent(GLOBEX, "globex", "Globex, Inc.", "Analytics",
                    new CustomerJob("reports", 3, 3, 3), date("2026-06-01"), date("2026-12-31"),
                    Currency.getInstance("USD"), new PersonId("olivia")));
            projection.on(new TermsAgreedEvent(GLOBEX, BillingModel.SUBSCRIPTION,
                    new SubscriptionTerms(Money.of("1000.00", "USD")), null));
            projection.on(new EngagementStartedEvent(GLOBEX, date("2026-06-01")));
        });
    }

    @Test
    void chargesEveryMonthFromTheStartToTheCompletionWithTheFeeChangeSplittingMarch() {
        acmeHistory();

        assertThat(projection.handle(new FetchChargesQuery(ACME)).charges()).containsExactly(
                new SubscriptionCharges.Charge(YearMonth.of(2026, 1), eur("2700.00"), 27, 31),
                new SubscriptionCharges.Charge(YearMonth.of(2026, 2), eur("3100.00"), 28, 28),
                // (14 x 3100.00 + 17 x 3500.00) / 31 = 3319.3548...
                new SubscriptionCharges.Charge(YearMonth.of(2026, 3), eur("3319.35"), 31, 31),
                new SubscriptionCharges.Charge(YearMonth.of(2026, 4), eur("3500.00"), 30, 30),
                // 3500.00 x 20 / 31 = 2258.0645...
                new SubscriptionCharges.Charge(YearMonth.of(2026, 5), eur("2258.06"), 20, 31));
    }

    @Test
    void aRunningSubscriptionIsChargedForEveryMonthThatHasBegun() {
        globexHistory();

        assertThat(projection.handle(new FetchChargesQuery(GLOBEX)).charges()).containsExactly(
                new SubscriptionCharges.Charge(YearMonth.of(2026, 6), Money.of("1000.00", "USD"), 30, 30));
    }

    @Test
    void statementsShowTheirStatusAndAResolutionReplacesTheSettledShare() {
        acmeHistory();

        List<GainShareStatement> statements = projection.handle(new FetchStatementsQuery(ACME)).statements();

        assertThat(statements).extracting(GainShareStatement::status)
                .containsExactly(StatementStatus.CONFIRMED, StatementStatus.RESOLVED, StatementStatus.SETTLED);
        GainShareStatement february = statements.get(1);
        assertThat(february.supplierShare()).isEqualTo(eur("500.00"));
        assertThat(february.customerShare()).isEqualTo(eur("2500.00"));
        assertThat(february.disputeReason()).isEqualTo("warehouse 3 miscounted");
        assertThat(february.resolutionNote()).isEqualTo("agreed on a recount");
        assertThat(february.breakdown().supplierShare()).isEqualTo(eur("600.00"));
    }

    @Test
    void theSummaryShowsGainBilledPaidAndOutstanding() {
        PersonDirectoryStub.withMoneyFrom(queries, projection);
        acmeHistory();
        var summaryTables = new EngagementSummaryProjection(
                database.entityManager(), summaries, mock(QueryUpdateEmitter.class));
        database.inTransaction(em -> summaryTables.on(new EngagementOpenedEvent(ACME, "acme", "ACME Logistics",
                "Inventory control", new CustomerJob("stock", 5, 4, 4), date("2026-01-01"), date("2026-12-31"),
                Currency.getInstance("EUR"), new PersonId("olivia"))));

        var summary = summaries.handle(new FindEngagementQuery(ACME));

        // gain: 1400.00 + 500.00 (resolved) + 300.00 (settled, not yet confirmed)
        assertThat(summary.gainToDate()).isEqualTo(eur("2200.00"));
        // charges 2700.00 + 3100.00 + 3319.35 + 3500.00 + 2258.06, and statements 1400.00 + 500.00 once agreed
        assertThat(summary.billedToDate()).isEqualTo(eur("16777.41"));
        assertThat(summary.paidToDate()).isEqualTo(eur("5700.00"));
        assertThat(summary.outstanding()).isEqualTo(eur("11077.41"));
    }

    @Test
    void reconcilesOneMonthPerEngagement() {
        acmeHistory();
        globexHistory();

        Reconciliation february = projection.handle(new FetchReconciliationQuery(YearMonth.of(2026, 2)));

        assertThat(february.lines()).containsExactly(new Reconciliation.Line(ACME, "ACME Logistics",
                Currency.getInstance("EUR"), YearMonth.of(2026, 2), eur("3600.00"), eur("2700.00"), eur("900.00"),
                eur("0.00")));
    }

    @Test
    void theReconciliationShowsWhatWasInvoicedForTheMonthBesideWhatAccrued() {
        acmeHistory();
        database.inTransaction(em -> projection.on(new InvoiceIssuedEvent(ACME, "inv-1", "INV-2026-000001", DocumentType.INVOICE, "acme",
                "ACME Logistics", YearMonth.of(2026, 2), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1),
                List.of(new InvoiceLine(InvoiceLine.Kind.SUBSCRIPTION, "Subscription 2026-02", LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 2, 28), eur("3100.00"), null)), eur("3100.00"))));

        Reconciliation february = projection.handle(new FetchReconciliationQuery(YearMonth.of(2026, 2)));

        assertThat(february.lines().get(0).billed()).isEqualTo(eur("3600.00"));
        assertThat(february.lines().get(0).invoiced()).isEqualTo(eur("3100.00"));
        assertThat(february.totals().get(0).invoiced()).isEqualTo(eur("3100.00"));
    }

    @Test
    void totalsArePerCurrencyAndAddUpTheirLines() {
        acmeHistory();
        globexHistory();

        Reconciliation all = projection.handle(new FetchReconciliationQuery(null));

        assertThat(all.lines()).hasSize(6);
        assertThat(all.lines().get(0).month()).isEqualTo(YearMonth.of(2026, 1));
        assertThat(all.lines().get(0).billed()).isEqualTo(eur("4100.00"));
        assertThat(all.totals()).containsExactly(
                new Reconciliation.Total(Currency.getInstance("EUR"), eur("16777.41"), eur("5700.00"), eur("11077.41"),
                        eur("0.00")),
                new Reconciliation.Total(Currency.getInstance("USD"), Money.of("1000.00", "USD"),
                        Money.of("0.00", "USD"), Money.of("1000.00", "USD"), Money.of("0.00", "USD")));
    }

    @Test
    void aReplayAfterAResetGivesTheSameTotals() {
        acmeHistory();
        globexHistory();
        Reconciliation once = projection.handle(new FetchReconciliationQuery(null));
        List<GainShareStatement> statementsOnce = projection.handle(new FetchStatementsQuery(ACME)).statements();

        database.inTransaction(em -> projection.reset());
        acmeHistory();
        globexHistory();

        assertThat(projection.handle(new FetchReconciliationQuery(null))).isEqualTo(once);
        assertThat(projection.handle(new FetchStatementsQuery(ACME)).statements()).isEqualTo(statementsOnce);
    }

    @Test
    void aResetEmptiesTheBillingTables() {
        acmeHistory();

        database.inTransaction(em -> projection.reset());

        assertThat(projection.handle(new FetchChargesQuery(ACME))).isNull();
        assertThat(projection.handle(new FetchReconciliationQuery(null)).lines()).isEmpty();
    }

    @Test
    void anUnknownEngagementHasNoChargesAndNoStatements() {
        assertThat(projection.handle(new FetchChargesQuery(new EngagementId("nope")))).isNull();
        assertThat(projection.handle(new FetchStatementsQuery(new EngagementId("nope")))).isNull();
    }
}
