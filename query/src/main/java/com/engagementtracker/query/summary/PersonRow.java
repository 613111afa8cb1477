package com.engagementtracker.query.summary;

import com.engagementtracker.api.OrganisationKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One assignment of a person to an engagement, keyed by the event that made it so replays overwrite it. */
@Entity
@Table(name = "engagement_person")
class PersonRow {

    @Id
    @Column(name = "assignment_id", length = 36)
    String assignmentId;
    @Column(name = "engagement_id", nullable = false, length = 36)
    String engagementId;
    @Column(name = "person_id", nullable = false, length = 64)
    String personId;
    @Enumerated(EnumType.STRING)
    @Column(name = "organisation_kind", nullable = false, length = 16)
    OrganisationKind organisationKind;
    @Column(name = "organisation_name")
    String organisationName;
    @Column(nullable = false)
    String role;
    @Column(name = "allocation_percent", nullable = false, precision = 5, scale = 2)
    BigDecimal allocationPercent;
    @Column(name = "from_date", nullable = false)
    LocalDate from;
    @Column(name = "to_date", nullable = false)
    LocalDate to;
    @Column(name = "released_on")
    LocalDate releasedOn;
    /** what the supplier pays for a full day of this person, in the engagement's currency; null when not given */
    @Column(name = "day_rate", precision = 19, scale = 4)
    BigDecimal dayRate;

    protected PersonRow() {
        // for JPA
    }

    PersonRow(String assignmentId, String engagementId, String personId, OrganisationKind organisationKind, String organisationName, String role, BigDecimal allocationPercent,
              LocalDate from, LocalDate to, BigDecimal dayRate) {
        this.assignmentId = assignmentId;
        this.dayRate = dayRate;
        this.engagementId = engagementId;
        this.personId = personId;
        this.organisationKind = organisationKind;
        this.organisationName = organisationName;
        this.role = role;
        this.allocationPercent = allocationPercent;
        this.from = from;
        this.to = to;
    }
}
