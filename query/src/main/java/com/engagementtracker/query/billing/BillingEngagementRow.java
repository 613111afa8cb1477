package com.engagementtracker.query.billing;

import com.engagementtracker.api.BillingModel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What billing needs of an engagement: who pays, in what currency, the agreed fee and the billed days. */
@Entity
@Table(name = "billing_engagement")
class BillingEngagementRow {

    @Id
    @Column(length = 36)
    String id;
    @Column(name = "customer_id", nullable = false)
    String customerId;
    @Column(name = "customer_name", nullable = false)
    String customerName;
    @Column(nullable = false, length = 3)
    String currency;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    BillingModel model;
    /** the monthly fee of the agreed terms; null without a subscription */
    @Column(name = "agreed_fee", precision = 19, scale = 4)
    BigDecimal agreedFee;
    @Column(name = "started_on")
    LocalDate startedOn;
    @Column(name = "ended_on")
    LocalDate endedOn;

    protected BillingEngagementRow() {
        // for JPA
    }

    BillingEngagementRow(String id, String customerId, String customerName, String currency) {
        this.id = id;
        this.customerId = customerId;
        this.customerName = customerName;
        this.currency = currency;
    }
}
