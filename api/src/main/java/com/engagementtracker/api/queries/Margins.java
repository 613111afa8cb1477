package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * One month across engagements: each engagement's revenue, cost and margin; and each organisation that worked in the
 * month (per currency): its person-days, its cost, the revenue of its engagements attributed to it by its share of
 * their person-days, and the margin that leaves. {@code unpricedPersonDays} were worked by people without a day rate:
 * they count for the attribution, and their cost is not known.
 */
public record Margins(YearMonth month, List<EngagementLine> engagements, List<OrganisationLine> organisations) {

    public record EngagementLine(EngagementId engagementId, String customerName, Money revenue, Money cost, Money margin,
                                 BigDecimal marginPercent) {
    }

    public record OrganisationLine(OrganisationKind organisationKind, String organisationName, BigDecimal personDays,
                                   Money cost, Money attributedRevenue, Money margin, BigDecimal unpricedPersonDays) {
    }
}
