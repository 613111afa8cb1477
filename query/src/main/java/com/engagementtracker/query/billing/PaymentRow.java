package com.engagementtracker.query.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

@Entity
@Table(name = "payment")
class PaymentRow {

    @Id
    @Column(length = 36)
    String id;
    @Column(name = "engagement_id", nullable = false, length = 36)
    String engagementId;
    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;
    @Column(nullable = false)
    String reference;
    @Column(name = "received_on", nullable = false)
    LocalDate receivedOn;

    protected PaymentRow() {
        // for JPA
    }

    PaymentRow(String id, String engagementId, BigDecimal amount, String reference, LocalDate receivedOn) {
        this.id = id;
        this.engagementId = engagementId;
        this.amount = amount;
        this.reference = reference;
        this.receivedOn = receivedOn;
    }
}
