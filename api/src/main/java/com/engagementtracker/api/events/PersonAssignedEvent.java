package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.PersonId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A person joins the engagement. Revision 2 dropped {@code displayName}: events are kept for ever, so they
 * carry the person's id only, and the person directory holds the name (until the person is forgotten).
 */
@Revision("2")
public record PersonAssignedEvent(EngagementId engagementId, PersonId personId,
                                  OrganisationKind organisationKind, String organisationName, String role,
                                  BigDecimal allocationPercent, LocalDate from, LocalDate to) {
}
