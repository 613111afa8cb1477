package com.engagementtracker.query.invoices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A statement's breakdown as settled (JSON), for the invoice that bills it. */
@Entity
@Table(name = "invoice_statement")
class InvoicedStatementRow {

    @Id
    @Column(name = "statement_id", length = 36)
    String statementId;
    @Column(nullable = false, length = 1000000)
    String breakdown;

    protected InvoicedStatementRow() {
        // for JPA
    }

    InvoicedStatementRow(String statementId, String breakdown) {
        this.statementId = statementId;
        this.breakdown = breakdown;
    }
}
