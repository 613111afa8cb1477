package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.InvalidValue;
import com.engagementtracker.api.Money;
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
        LocalDate to,
        Money dayRate) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** People work on an engagement from 1 to 100 percent of their time; a partner is named. */
    public AssignPersonCommand {
        if (allocationPercent != null && (allocationPercent.compareTo(BigDecimal.ONE) < 0 || allocationPercent.compareTo(HUNDRED) > 0)) {
            throw new InvalidValue("allocationPercent", "must be from 1 to 100, got " + allocationPercent.toPlainString());
        }
        InvalidValue.requireOrder(from, to, "from", "to");
        if (organisationKind == OrganisationKind.PARTNER && (organisationName == null || organisationName.isBlank())) {
            throw new InvalidValue("organisationName", "is required for a PARTNER");
        }
        if (dayRate != null && dayRate.negative()) {
            throw new InvalidValue("dayRate", "must not be negative");
        }
    }

    /** Without a day rate: the person's cost is not known. */
    public AssignPersonCommand(EngagementId engagementId, PersonId personId, OrganisationKind organisationKind,
                               String organisationName, String role, BigDecimal allocationPercent, LocalDate from, LocalDate to) {
        this(engagementId, personId, organisationKind, organisationName, role, allocationPercent, from, to, null);
    }
}
