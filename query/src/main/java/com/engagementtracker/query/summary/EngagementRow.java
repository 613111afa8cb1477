package com.engagementtracker.query.summary;

import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.EngagementStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One engagement in the account team's list; written only by {@link EngagementSummaryProjection}. */
@Entity
@Table(name = "engagement_summary")
class EngagementRow {

    @Id
    @Column(length = 36)
    String id;
    @Column(name = "customer_id", nullable = false)
    String customerId;
    @Column(name = "customer_name", nullable = false)
    String customerName;
    @Column(nullable = false)
    String title;
    /** the customer job the engagement serves; null in rows projected before it was kept (a rebuild fills it) */
    @Column(name = "job_description", length = 2000)
    String jobDescription;
    @Column(name = "job_importance")
    Integer jobImportance;
    @Column(name = "job_pain_severity")
    Integer jobPainSeverity;
    @Column(name = "job_gain_relevance")
    Integer jobGainRelevance;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    EngagementStatus status;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    BillingModel model;
    @Column(nullable = false, length = 3)
    String currency;
    @Column(name = "planned_start", nullable = false)
    LocalDate plannedStart;
    @Column(name = "planned_end", nullable = false)
    LocalDate plannedEnd;
    @Column(name = "started_on")
    LocalDate startedOn;
    @Column(name = "ended_on")
    LocalDate endedOn;

    protected EngagementRow() {
        // for JPA
    }

    EngagementRow(String id, String customerId, String customerName, String title, CustomerJob job, String currency,
                  LocalDate plannedStart, LocalDate plannedEnd) {
        this.id = id;
        this.customerId = customerId;
        this.customerName = customerName;
        this.title = title;
        this.jobDescription = job.description();
        this.jobImportance = job.importance();
        this.jobPainSeverity = job.painSeverity();
        this.jobGainRelevance = job.gainRelevance();
        this.currency = currency;
        this.plannedStart = plannedStart;
        this.plannedEnd = plannedEnd;
        this.status = EngagementStatus.OPENED;
    }
}
