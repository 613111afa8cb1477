package com.engagementtracker.query.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A subscription fee change, keyed by its event; {@code sequence} orders two changes on one date. */
@Entity
@Table(name = "subscription_fee_change")
class FeeChangeRow {

    @Id
    @Column(length = 36)
    String id;
    @Column(name = "engagement_id", nullable = false, length = 36)
    String engagementId;
    @Column(name = "effective_from", nullable = false)
    LocalDate effectiveFrom;
    @Column(name = "monthly_fee", nullable = false, precision = 19, scale = 4)
    BigDecimal monthlyFee;
    @Column(nullable = false)
    long sequence;

    protected FeeChangeRow() {
        // for JPA
    }

    FeeChangeRow(String id, String engagementId, LocalDate effectiveFrom, BigDecimal monthlyFee, long sequence) {
        this.id = id;
        this.engagementId = engagementId;
        this.effectiveFrom = effectiveFrom;
        this.monthlyFee = monthlyFee;
        this.sequence = sequence;
    }
}
