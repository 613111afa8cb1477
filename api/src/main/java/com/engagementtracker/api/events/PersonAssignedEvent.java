package com.engagementtracker.api.events;

import com.engagementtracker.api.OrganisationKind;
import java.math.BigDecimal;
import java.time.LocalDate;

public record PersonAssignedEvent(String engagementId, String personId, String displayName,
                                  OrganisationKind organisationKind, String organisationName, String role,
                                  BigDecimal allocationPercent, LocalDate from, LocalDate to) {
}
