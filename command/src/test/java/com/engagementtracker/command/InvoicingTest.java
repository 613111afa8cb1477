package com.engagementtracker.command;

import static com.engagementtracker.command.EngagementFixtures.BASELINE;
import static com.engagementtracker.command.EngagementFixtures.CLOCK;
import static com.engagementtracker.command.EngagementFixtures.ID;
import static com.engagementtracker.command.EngagementFixtures.OPENED;
import static com.engagementtracker.command.EngagementFixtures.eur;
import static com.engagementtracker.command.EngagementFixtures.payment;
import static com.engagementtracker.command.EngagementFixtures.statement;

import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.CapApplied;
import com.engagementtracker.api.DocumentType;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.InvoiceLine;
import com.engagementtracker.api.InvoiceLine.Kind;
import com.engagementtracker.api.PaymentId;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.SubscriptionTerms;
import com.engagementtracker.api.commands.ChangeSubscriptionFeeCommand;
import com.engagementtracker.api.commands.IssueInvoiceCommand;
import com.engagementtracker.api.commands.RecordPaymentCommand;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.GainShareConfirmedEvent;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.InvoiceIssuedEvent;
import com.engagementtracker.api.events.PaymentAppliedEvent;
import com.engagementtracker.api.events.PaymentRecordedEvent;
import com.engagementtracker.api.events.SubscriptionFeeChangedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.command.invoicing.InvoiceRegister;
import com.engagementtracker.command.invoicing.Invoicing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invoices, decided by the engagement: subscription months with their proration, gain-share statements once
 * agreed, adjustments for back-dated fee changes, credit notes, numbering, and payments applied to invoices.
 * Today is 2026-06-15; every amount and date is written out.
 */
class InvoicingTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    private static final LocalDate DUE = LocalDate.parse("2026-07-15");
    /** 1000.00 EUR a month, the work started on 1 January. */
    private static final TermsAgreedEvent THOUSAND_A_MONTH = new TermsAgreedEvent(ID, BillingModel.SUBSCRIPTION,
            new SubscriptionTerms(eur("1000.00")), null);
    private static final EngagementStartedEvent STARTED_JANUARY_1 = new EngagementStartedEvent(ID, LocalDate.parse("2026-01-01"));

    private FixtureConfiguration<Engagement> fixture;

    @BeforeEach
    void setUp() {
        fixture = EngagementFixtures.fixture();
        EventSourcingRepository<InvoiceRegister> registers = EventSourcingRepository.builder(InvoiceRegister.class)
                .eventStore(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build()).build();
        fixture.registerAnnotatedCommandHandler(new Invoicing(fixture.getRepository(), registers, CLOCK, "INV", 6));
    }

    private static InvoiceLine subscription(String month, String from, String to, String days, String amount) {
        return new InvoiceLine(Kind.SUBSCRIPTION, "Subscription " + month + ", " + days, LocalDate.parse(from), LocalDate.parse(to),
                eur(amount), null);
    }

    private static InvoiceLine adjustment(String month, String now, String invoiced, String amount) {
        YearMonth m = YearMonth.parse(month);
        return new InvoiceLine(Kind.ADJUSTMENT, "Adjustment to the subscription of " + month + ": " + now + " EUR under today's terms, "
                + invoiced + " EUR invoiced", m.atDay(1), m.atEndOfMonth(), eur(amount), null);
    }

    private static InvoiceIssuedEvent invoice(String id, String number, String month, DocumentType type, String total,
                                              InvoiceLine... lines) {
        return new InvoiceIssuedEvent(ID, id, number, type, "acme", "ACME Logistics", YearMonth.parse(month), TODAY, DUE,
                List.of(lines), eur(total));
    }

    /** The invoice the fixture issued, whatever its random id, with the given expectations for the rest. */
    private static org.hamcrest.Matcher<List<? super Object>> issued(String number, String month, DocumentType type,
                                                                     String total, InvoiceLine... lines) {
        return new org.hamcrest.CustomTypeSafeMatcher<>(number + " for " + month + ", total " + total + ", lines " + List.of(lines)) {
            @Override
            protected boolean matchesSafely(List<? super Object> events) {
                return events.stream().filter(InvoiceIssuedEvent.class::isInstance).map(InvoiceIssuedEvent.class::cast)
                        .anyMatch(e -> e.equals(invoice(e.invoiceId(), number, month, type, total, lines)));
            }
        };
    }

    @Test
    void theFirstMonthIsProratedFromTheStartDate() {
        fixture.given(OPENED, EngagementFixtures.SUBSCRIPTION_TERMS, BASELINE, EngagementFixtures.STARTED)
                .when(new IssueInvoiceCommand(ID, YearMonth.parse("2026-01")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(issued("INV-2026-000001", "2026-01",
                        DocumentType.INVOICE, "2612.90",
                        subscription("2026-01", "2026-01-05", "2026-01-31", "27 of 31 days", "2612.90"))));
    }

    @Test
    void aMidMonthFeeChangeSplitsItsMonthOnTheInvoice() {
        // 1000.00 from 1 January, 2000.00 from 16 January: (15 x 1000.00 + 16 x 2000.00) / 31 = 1516.129... = 1516.13
        fixture.given(OPENED, THOUSAND_A_MONTH, BASELINE, STARTED_JANUARY_1,
                        new SubscriptionFeeChangedEvent(ID, eur("2000.00"), LocalDate.parse("2026-01-16")))
                .when(new IssueInvoiceCommand(ID, YearMonth.parse("2026-01")))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(issued("INV-2026-000001", "2026-01",
                        DocumentType.INVOICE, "1516.13",
                        subscription("2026-01", "2026-01-01", "2026-01-31", "31 of 31 days", "1516.13"))));
    }

    @Test
    void monthsNotYetInvoicedAreCaughtUpAndASecondRunIssuesNothing() {
        InvoiceIssuedEvent january = invoice("inv-1", "INV-2026-000001", "2026-01", DocumentType.INVOICE, "1000.00",
                subscription("2026-01", "2026-01-01", "2026-01-31", "31 of 31 days", "1000.00"));
        fixture.given(OPENED, THOUSAND_A_MONTH, BASELINE, STARTED_JANUARY_1, january)
                .when(new IssueInvoiceCommand(ID, YearMonth.parse("2026-03")))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(issued("INV-2026-000001", "2026-03",
                        DocumentType.INVOICE, "2000.00",
                        subscription("2026-02", "2026-02-01", "2026-02-28", "28 of 28 days", "1000.00"),
                        subscription("2026-03", "2026-03-01", "2026-03-31", "31 of 31 days", "1000.00"))));

        fixture.given(OPENED, THOUSAND_A_MONTH, BASELINE, STARTED_JANUARY_1, january)
                .when(new IssueInvoiceCommand(ID, YearMonth.parse("2026-01")))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(null);
    }

    @Test
    void aBackDatedFeeChangeIsInvoicedAsAdjustmentsNeverByRewritingAnInvoice() {
        // January to March invoiced at 1000.00; then the fee becomes 2000.00 from 1 February
        fixture.given(OPENED, THOUSAND_A_MONTH, BASELINE, STARTED_JANUARY_1,
                        invoice("inv-1", "INV-2026-000001", "2026-03", DocumentType.INVOICE, "3000.00",
                                subscription("2026-01", "2026-01-01", "2026-01-31", "31 of 31 days", "1000.00"),
                                subscription("2026-02", "2026-02-01", "2026-02-28", "28 of 28 days", "1000.00"),
                                subscription("2026-03", "2026-03-01", "2026-03-31", "31 of 31 days", "1000.00")),
                        new SubscriptionFeeChangedEvent(ID, eur("2000.00"), LocalDate.parse("2026-02-01")))
                .when(new IssueInvoiceCommand(ID, YearMonth.parse("2026-04")))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(issued("INV-2026-000001", "2026-04",
                        DocumentType.INVOICE, "4000.00",
                        adjustment("2026-02", "2000.00", "1000.00", "1000.00"),
                        adjustment("2026-03", "2000.00", "1000.00", "1000.00"),
                        subscription("2026-04", "2026-04-01", "2026-04-30", "30 of 30 days", "2000.00"))));
    }

    @Test
    void aNegativeTotalIsACreditNoteAndItsCreditSettlesTheOldestOpenInvoices() {
        // 3000.00 a month from 5 January; January (2612.90) and February (3000.00) invoiced and unpaid; then
        // the fee drops to 500.00 from 1 February, so February is 2500.00 too much and March is 500.00
        List<Object> given = new ArrayList<>(List.of(OPENED, EngagementFixtures.SUBSCRIPTION_TERMS, BASELINE,
                EngagementFixtures.STARTED,
                invoice("inv-1", "INV-2026-000001", "2026-01", DocumentType.INVOICE, "2612.90",
                        subscription("2026-01", "2026-01-05", "2026-01-31", "27 of 31 days", "2612.90")),
                invoice("inv-2", "INV-2026-000002", "2026-02", DocumentType.INVOICE, "3000.00",
                        subscription("2026-02", "2026-02-01", "2026-02-28", "28 of 28 days", "3000.00")),
                new SubscriptionFeeChangedEvent(ID, eur("0.00"), LocalDate.parse("2026-02-01"))));
        fixture.given(given)
                .when(new IssueInvoiceCommand(ID, YearMonth.parse("2026-03")))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        new org.hamcrest.CustomTypeSafeMatcher<List<? super Object>>("a credit note of -3000.00 settling January, then February") {
                            @Override
                            protected boolean matchesSafely(List<? super Object> events) {
                                if (events.size() != 3 || !(events.get(0) instanceof InvoiceIssuedEvent note)) {
                                    return false;
                                }
                                return note.equals(invoice(note.invoiceId(), "INV-2026-000001", "2026-03", DocumentType.CREDIT_NOTE,
                                        "-3000.00", adjustment("2026-02", "0.00", "3000.00", "-3000.00")))
                                        && events.get(1).equals(new PaymentAppliedEvent(ID, "inv-1", null, eur("2612.90")))
                                        && events.get(2).equals(new PaymentAppliedEvent(ID, "inv-2", null, eur("387.10")));
                            }
                        }));
    }

    @Test
    void agreedStatementsAreInvoicedOnceAtTheirSupplierShare() {
        StatementId january = statement("s-1");
        GainSharedEvent settled = new GainSharedEvent(ID, january, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
                new GainShareBreakdown(List.of(), new BigDecimal("7000.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, new BigDecimal("7000.00"), new BigDecimal("20"), new BigDecimal("1400.00"),
                        CapApplied.NONE, eur("1400.00"), eur("5600.00")));
        TermsAgreedEvent gainOnly = new TermsAgreedEvent(ID, BillingModel.GAIN_SHARE, null, EngagementFixtures.gainShare("20"), 14);
        fixture.given(OPENED, gainOnly, BASELINE, STARTED_JANUARY_1, settled, new GainShareConfirmedEvent(ID, january))
                .when(new IssueInvoiceCommand(ID, YearMonth.parse("2026-02")))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        new org.hamcrest.CustomTypeSafeMatcher<List<? super Object>>("a gain-share invoice due in 14 days") {
                            @Override
                            protected boolean matchesSafely(List<? super Object> events) {
                                return events.size() == 1 && events.get(0) instanceof InvoiceIssuedEvent e
                                        && e.equals(new InvoiceIssuedEvent(ID, e.invoiceId(), "INV-2026-000001", DocumentType.INVOICE,
                                        "acme", "ACME Logistics", YearMonth.parse("2026-02"), TODAY, LocalDate.parse("2026-06-29"),
                                        List.of(new InvoiceLine(Kind.GAIN_SHARE, "Gain share 2026-01-01 to 2026-01-31",
                                                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), eur("1400.00"), january)),
                                        eur("1400.00")));
                            }
                        }));
    }

    @Test
    void aStatementWaitsForTheInvoiceOfTheMonthItsPeriodEndsIn() {
        StatementId january = statement("s-1");
        GainSharedEvent settled = new GainSharedEvent(ID, january, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
                new GainShareBreakdown(List.of(), new BigDecimal("7000.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, new BigDecimal("7000.00"), new BigDecimal("20"), new BigDecimal("1400.00"),
                        CapApplied.NONE, eur("1400.00"), eur("5600.00")));
        TermsAgreedEvent gainOnly = new TermsAgreedEvent(ID, BillingModel.GAIN_SHARE, null, EngagementFixtures.gainShare("20"));
        fixture.given(OPENED, gainOnly, BASELINE, new EngagementStartedEvent(ID, LocalDate.parse("2025-12-01")), settled,
                        new GainShareConfirmedEvent(ID, january))
                .when(new IssueInvoiceCommand(ID, YearMonth.parse("2025-12")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aMonthThatHasNotEndedIsNotInvoiced() {
        fixture.given(OPENED, THOUSAND_A_MONTH, BASELINE, STARTED_JANUARY_1)
                .when(new IssueInvoiceCommand(ID, YearMonth.parse("2026-06")))
                .expectNoEvents().expectException(RuleViolationException.class)
                .expectExceptionMessage("an invoice is issued for a month that has ended; 2026-06 has not");
    }

    @Test
    void aFeeChangeCannotTakeEffectBeforeTheStart() {
        fixture.given(OPENED, THOUSAND_A_MONTH, BASELINE, new EngagementStartedEvent(ID, LocalDate.parse("2026-02-01")))
                .when(new ChangeSubscriptionFeeCommand(ID, eur("2000.00"), LocalDate.parse("2026-01-15")))
                .expectNoEvents().expectException(RuleViolationException.class);
        fixture.given(OPENED, THOUSAND_A_MONTH, BASELINE, new EngagementStartedEvent(ID, LocalDate.parse("2026-02-01")))
                .when(new ChangeSubscriptionFeeCommand(ID, eur("2000.00"), LocalDate.parse("2025-06-01")))
                .expectNoEvents().expectException(RuleViolationException.class);
    }

    @Test
    void aPaymentSettlesTheInvoiceItNamesFirstThenTheOldestAndTheRestIsCredit() {
        PaymentId paid = payment("p-1");
        fixture.given(OPENED, THOUSAND_A_MONTH, BASELINE, STARTED_JANUARY_1,
                        invoice("inv-1", "INV-2026-000001", "2026-01", DocumentType.INVOICE, "1000.00",
                                subscription("2026-01", "2026-01-01", "2026-01-31", "31 of 31 days", "1000.00")),
                        invoice("inv-2", "INV-2026-000002", "2026-02", DocumentType.INVOICE, "1000.00",
                                subscription("2026-02", "2026-02-01", "2026-02-28", "28 of 28 days", "1000.00")))
                .when(new RecordPaymentCommand(ID, paid, eur("1500.00"), "INV-2026-000002", LocalDate.parse("2026-03-10")))
                .expectEvents(new PaymentRecordedEvent(ID, paid, eur("1500.00"), "INV-2026-000002", LocalDate.parse("2026-03-10")),
                        new PaymentAppliedEvent(ID, "inv-2", paid, eur("1000.00")),
                        new PaymentAppliedEvent(ID, "inv-1", paid, eur("500.00")));
    }

    @Test
    void creditFromAnOverpaymentSettlesTheNextInvoice() {
        PaymentId paid = payment("p-1");
        fixture.given(OPENED, THOUSAND_A_MONTH, BASELINE, STARTED_JANUARY_1,
                        new PaymentRecordedEvent(ID, paid, eur("1200.00"), "advance", LocalDate.parse("2026-01-10")))
                .when(new IssueInvoiceCommand(ID, YearMonth.parse("2026-01")))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        new org.hamcrest.CustomTypeSafeMatcher<List<? super Object>>("January, settled from the credit") {
                            @Override
                            protected boolean matchesSafely(List<? super Object> events) {
                                return events.size() == 2 && events.get(0) instanceof InvoiceIssuedEvent e
                                        && events.get(1).equals(new PaymentAppliedEvent(ID, e.invoiceId(), null, eur("1000.00")));
                            }
                        }));
    }
}
