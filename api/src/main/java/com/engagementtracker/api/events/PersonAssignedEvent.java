package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.PersonId;
import java.math.BigDecimal;
import java.time.LocalDate;

public record PersonAssignedEvent(EngagementId engagementId, PersonId personId, String displayName,
                                  OrganisationKind organisationKind, String organisationName, String role,
                                  BigDecimal allocationPercent, LocalDate from, LocalDate to) {
}
