package com.engagementtracker.query.invoices;

import com.engagementtracker.api.DocumentType;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.InvoiceLine;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.InvoiceIssuedEvent;
import com.engagementtracker.api.events.PaymentAppliedEvent;
import com.engagementtracker.api.queries.Aging;
import com.engagementtracker.api.queries.FetchAgingQuery;
import com.engagementtracker.api.queries.FetchInvoicesQuery;
import com.engagementtracker.api.queries.FindInvoiceQuery;
import com.engagementtracker.api.queries.Invoice;
import com.engagementtracker.api.queries.InvoiceDocument;
import com.engagementtracker.api.queries.Invoices;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The invoices read model: every issued invoice as its event tells it, the payments applied to it, and the
 * breakdown of every statement (for the gain-share lines of the PDF). It copies the events' money and never
 * computes any; aging only sorts what is owed by how late it is.
 */
@Component
@ProcessingGroup(InvoiceProjection.PROCESSING_GROUP)
public class InvoiceProjection {

    public static final String PROCESSING_GROUP = "invoices";
    private static final TypeReference<List<InvoiceLine>> LINES = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final JsonMapper json;
    private final Clock clock;

    public InvoiceProjection(EntityManager entityManager, JsonMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    @EventHandler
    public void on(InvoiceIssuedEvent event, @SequenceNumber long sequence) {
        InvoiceRow row = new InvoiceRow();
        row.id = event.invoiceId();
        row.number = event.number();
        row.documentType = event.documentType().name();
        row.engagementId = event.engagementId().value();
        row.customerId = event.customerId();
        row.customerName = event.customerName();
        row.month = event.month().toString();
        row.issuedOn = event.issuedOn();
        row.dueOn = event.dueOn();
        row.currency = event.total().currency().getCurrencyCode();
        row.total = event.total().amount();
        // a credit note's amount is settled by becoming the customer's credit
        row.paid = event.documentType() == DocumentType.CREDIT_NOTE ? event.total().amount() : java.math.BigDecimal.ZERO;
        row.lines = json.writeValueAsString(event.lines());
        row.sequence = sequence;
        entityManager.persist(row);
    }

    @EventHandler
    public void on(PaymentAppliedEvent event) {
        InvoiceRow row = entityManager.find(InvoiceRow.class, event.invoiceId());
        row.paid = row.paid.add(event.amount().amount());
    }

    @EventHandler
    public void on(GainSharedEvent event) {
        entityManager.persist(new InvoicedStatementRow(event.statementId().value(), json.writeValueAsString(event.breakdown())));
    }

    @ResetHandler
    public void reset() {
        entityManager.createQuery("delete from InvoiceRow").executeUpdate();
        entityManager.createQuery("delete from InvoicedStatementRow").executeUpdate();
    }

    @QueryHandler
    public Invoices handle(FetchInvoicesQuery query) {
        return new Invoices(entityManager.createQuery("from InvoiceRow i where i.engagementId = :id order by i.sequence", InvoiceRow.class)
                .setParameter("id", query.engagementId().value()).getResultStream().map(this::invoice).toList());
    }

    @QueryHandler
    public InvoiceDocument handle(FindInvoiceQuery query) {
        InvoiceRow row = entityManager.find(InvoiceRow.class, query.invoiceId());
        if (row == null) {
            return null;
        }
        Invoice invoice = invoice(row);
        Map<StatementId, GainShareBreakdown> statements = new LinkedHashMap<>();
        for (InvoiceLine line : invoice.lines()) {
            if (line.statementId() != null) {
                InvoicedStatementRow statement = entityManager.find(InvoicedStatementRow.class, line.statementId().value());
                if (statement != null) {
                    statements.put(line.statementId(), json.readValue(statement.breakdown, GainShareBreakdown.class));
                }
            }
        }
        return new InvoiceDocument(invoice, statements);
    }

    @QueryHandler
    public Aging handle(FetchAgingQuery query) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Aging.Row> rows = new LinkedHashMap<>();
        List<InvoiceRow> owed = entityManager.createQuery("from InvoiceRow i where i.total > i.paid order by i.customerName, i.currency",
                InvoiceRow.class).getResultList();
        for (InvoiceRow row : owed) {
            Currency currency = Currency.getInstance(row.currency);
            Money zero = Money.zero(currency);
            Money outstanding = new Money(row.total.subtract(row.paid), currency);
            long late = ChronoUnit.DAYS.between(row.dueOn, today);
            Aging.Row add = new Aging.Row(row.customerId, row.customerName, currency,
                    late <= 0 ? outstanding : zero, late >= 1 && late <= 30 ? outstanding : zero,
                    late >= 31 && late <= 60 ? outstanding : zero, late >= 61 && late <= 90 ? outstanding : zero,
                    late > 90 ? outstanding : zero);
            rows.merge(row.customerId + "/" + row.currency, add, (a, b) -> new Aging.Row(a.customerId(), a.customerName(), currency,
                    a.current().plus(b.current()), a.days1to30().plus(b.days1to30()), a.days31to60().plus(b.days31to60()),
                    a.days61to90().plus(b.days61to90()), a.over90().plus(b.over90())));
        }
        return new Aging(rows.values().stream().sorted(Comparator.comparing((Aging.Row r) -> r.customerName().toLowerCase())
                .thenComparing(r -> r.currency().getCurrencyCode())).toList());
    }

    private Invoice invoice(InvoiceRow row) {
        Currency currency = Currency.getInstance(row.currency);
        Money total = new Money(row.total, currency);
        Money paid = new Money(row.paid, currency);
        Money outstanding = total.minus(paid);
        return new Invoice(row.id, row.number, DocumentType.valueOf(row.documentType), new EngagementId(row.engagementId),
                row.customerId, row.customerName, YearMonth.parse(row.month), row.issuedOn, row.dueOn, currency,
                json.readValue(row.lines, LINES), total, paid, outstanding, Invoice.status(outstanding, row.dueOn, LocalDate.now(clock)));
    }
}
