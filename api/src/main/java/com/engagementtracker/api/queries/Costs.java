package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * What the assigned people cost: per engagement, month and organisation (the supplier's own staff, the customer's
 * people, each partner), the person-days worked (allocation × working days), what the people with a day rate cost,
 * and the person-days of those without one, whose cost is not known.
 */
public record Costs(List<Cost> costs) {

    public record Cost(EngagementId engagementId, YearMonth month, OrganisationKind organisationKind,
                       String organisationName, BigDecimal personDays, Money amount, BigDecimal unpricedPersonDays) {
    }
}
