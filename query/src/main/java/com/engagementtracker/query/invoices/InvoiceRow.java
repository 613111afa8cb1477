package com.engagementtracker.query.invoices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An issued invoice: the document as its event tells it (its lines as JSON), and the amount paid on it. */
@Entity
@Table(name = "invoice")
class InvoiceRow {

    @Id
    @Column(length = 36)
    String id;
    @Column(nullable = false, length = 64)
    String number;
    @Column(name = "document_type", nullable = false, length = 16)
    String documentType;
    @Column(name = "engagement_id", nullable = false, length = 36)
    String engagementId;
    @Column(name = "customer_id", nullable = false)
    String customerId;
    @Column(name = "customer_name", nullable = false)
    String customerName;
    @Column(name = "invoice_month", nullable = false, length = 7)
    String month;
    @Column(name = "issued_on", nullable = false)
    LocalDate issuedOn;
    @Column(name = "due_on", nullable = false)
    LocalDate dueOn;
    @Column(nullable = false, length = 3)
    String currency;
    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal total;
    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal paid;
    @Column(nullable = false, length = 1000000)
    String lines;
    @Column(name = "issue_sequence", nullable = false)
    long sequence;

    protected InvoiceRow() {
        // for JPA
    }
}
