package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.PersonId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A person joins the engagement. Revision 2 dropped {@code displayName}: events are kept for ever, so they
 * carry the person's id only, and the person directory holds the name (until the person is forgotten).
 * {@code dayRate} is what the supplier pays for a full day of this person, in the engagement's currency: null when
 * none was given (and in events stored before it travelled with them).
 */
@Revision("2")
public record PersonAssignedEvent(EngagementId engagementId, PersonId personId,
                                  OrganisationKind organisationKind, String organisationName, String role,
                                  BigDecimal allocationPercent, LocalDate from, LocalDate to, Money dayRate) {

    public PersonAssignedEvent(EngagementId engagementId, PersonId personId, OrganisationKind organisationKind,
                               String organisationName, String role, BigDecimal allocationPercent, LocalDate from, LocalDate to) {
        this(engagementId, personId, organisationKind, organisationName, role, allocationPercent, from, to, null);
    }
}
