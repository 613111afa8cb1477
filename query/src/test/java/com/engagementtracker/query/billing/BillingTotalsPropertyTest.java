package com.engagementtracker.query.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.CapApplied;
import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.PaymentId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.SubscriptionTerms;
import com.engagementtracker.api.events.EngagementCompletedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.GainShareConfirmedEvent;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.PaymentRecordedEvent;
import com.engagementtracker.api.events.SubscriptionFeeChangedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.api.queries.EngagementMoney;
import com.engagementtracker.api.queries.FetchReconciliationQuery;
import com.engagementtracker.api.queries.Reconciliation;
import com.engagementtracker.query.JpaTestDatabase;
import com.engagementtracker.query.PersonDirectoryStub;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.axonframework.queryhandling.QueryUpdateEmitter;

/** Random billing histories in several currencies, through the projection and its database. */
class BillingTotalsPropertyTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate EPOCH = LocalDate.parse("2025-01-01");
    private static final JpaTestDatabase DATABASE = new JpaTestDatabase();
    private static final BillingProjection PROJECTION = new BillingProjection(DATABASE.entityManager(),
            PersonDirectoryStub.knowing(Map.of()), mock(QueryUpdateEmitter.class), TODAY);

    /** One engagement's billing history: amounts in minor units of its currency, dates in days from 2025-01-01. */
    record History(String currency, long feeMinor, int startDay, Integer endDay, long changedFeeMinor,
                   int changeDay, List<Long> paymentsMinor, long gainShareMinor) {
    }

    @AfterContainer
    static void close() {
        DATABASE.close();
    }

    @Property(tries = 50)
    void everyTotalIsTheSumOfItsLinesAndHasOneCurrency(@ForAll("histories") List<History> histories) {
        DATABASE.inTransaction(em -> PROJECTION.reset());
        for (int i = 0; i < histories.size(); i++) {
            replay(new EngagementId("e-" + i), histories.get(i));
        }

        Reconciliation reconciliation = PROJECTION.handle(new FetchReconciliationQuery(null));

        for (Reconciliation.Line line : reconciliation.lines()) {
            assertThat(List.of(line.billed(), line.paid(), line.outstanding()))
                    .allMatch(money -> money.currency().equals(line.currency()));
            assertThat(line.outstanding()).isEqualTo(line.billed().minus(line.paid()));
        }
        assertThat(reconciliation.totals()).extracting(Reconciliation.Total::currency).doesNotHaveDuplicates();
        for (Reconciliation.Total total : reconciliation.totals()) {
            Money zero = Money.zero(total.currency());
            List<Reconciliation.Line> lines = reconciliation.lines().stream()
                    .filter(line -> line.currency().equals(total.currency())).toList();
            assertThat(total.billed()).isEqualTo(lines.stream().map(Reconciliation.Line::billed).reduce(zero, Money::plus));
            assertThat(total.paid()).isEqualTo(lines.stream().map(Reconciliation.Line::paid).reduce(zero, Money::plus));
            assertThat(total.outstanding()).isEqualTo(total.billed().minus(total.paid()));
        }
        for (int i = 0; i < histories.size(); i++) {
            EngagementId id = new EngagementId("e-" + i);
            EngagementMoney.Entry totals = new BillingLedger(DATABASE.entityManager(), TODAY).money(List.of(id)).entries().get(0);
            Money zero = Money.zero(totals.billedToDate().currency());
            assertThat(totals.billedToDate()).isEqualTo(reconciliation.lines().stream()
                    .filter(line -> line.engagementId().equals(id)).map(Reconciliation.Line::billed)
                    .reduce(zero, Money::plus));
        }
    }

    private static void replay(EngagementId id, History h) {
        Currency currency = Currency.getInstance(h.currency());
        DATABASE.inTransaction(em -> {
            PROJECTION.on(new EngagementOpenedEvent(id, "c-" + id, "Customer " + id, "Work", new CustomerJob("x", 3, 3, 3),
                    EPOCH, EPOCH.plusDays(900), currency, new PersonId("olivia")));
            PROJECTION.on(new TermsAgreedEvent(id, BillingModel.HYBRID, new SubscriptionTerms(minor(h.feeMinor(), currency)),
                    null));
            PROJECTION.on(new EngagementStartedEvent(id, EPOCH.plusDays(h.startDay())));
            PROJECTION.on(new SubscriptionFeeChangedEvent(id, minor(h.changedFeeMinor(), currency),
                    EPOCH.plusDays(h.changeDay())), id + "-fee", 4L);
            for (int p = 0; p < h.paymentsMinor().size(); p++) {
                PROJECTION.on(new PaymentRecordedEvent(id, new PaymentId(id + "-p" + p), minor(h.paymentsMinor().get(p),
                        currency), "REF-" + p, EPOCH.plusDays(h.startDay() + 10L * p)));
            }
            Money share = minor(h.gainShareMinor(), currency);
            StatementId statement = new StatementId(id + "-s");
            PROJECTION.on(new GainSharedEvent(id, statement, EPOCH.plusDays(h.startDay()), EPOCH.plusDays(h.startDay() + 30L),
                    new GainShareBreakdown(List.of(), share.amount(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                            share.amount(), BigDecimal.TEN, share.amount(), CapApplied.NONE, share, Money.zero(currency))));
            PROJECTION.on(new GainShareConfirmedEvent(id, statement));
            if (h.endDay() != null) {
                PROJECTION.on(new EngagementCompletedEvent(id, EPOCH.plusDays(h.startDay() + h.endDay()), "done"));
            }
        });
    }

    private static Money minor(long amount, Currency currency) {
        return new Money(BigDecimal.valueOf(amount, Math.max(0, currency.getDefaultFractionDigits())), currency);
    }

    @Provide
    Arbitrary<List<History>> histories() {
        Arbitrary<History> history = Combinators.combine(
                Arbitraries.of("EUR", "USD", "JPY", "KWD"),
                Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 400).injectNull(0.5),
                Arbitraries.longs().between(0, 10_000_000),
                Arbitraries.integers().between(0, 520),
                Arbitraries.longs().between(1, 5_000_000).list().ofMaxSize(4),
                Arbitraries.longs().between(0, 3_000_000)).as(History::new);
        return history.list().ofMinSize(1).ofMaxSize(6);
    }
}
