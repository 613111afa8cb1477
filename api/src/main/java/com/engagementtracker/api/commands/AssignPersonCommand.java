package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.PersonId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignPersonCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        PersonId personId,
        OrganisationKind organisationKind,
        String organisationName,
        String role,
        BigDecimal allocationPercent,
        LocalDate from,
        LocalDate to) {
}
