package com.engagementtracker.query.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An issued invoice as the reconciliation needs it: whose, for which month, and its total. */
@Entity
@Table(name = "billing_invoice")
class BillingInvoiceRow {

    @Id
    @Column(length = 36)
    String id;
    @Column(name = "engagement_id", nullable = false, length = 36)
    String engagementId;
    @Column(name = "invoice_month", nullable = false, length = 7)
    String month;
    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal total;

    protected BillingInvoiceRow() {
        // for JPA
    }

    BillingInvoiceRow(String id, String engagementId, String month, BigDecimal total) {
        this.id = id;
        this.engagementId = engagementId;
        this.month = month;
        this.total = total;
    }
}
