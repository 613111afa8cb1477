package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * What an engagement earns the supplier, month by month: revenue (the month's subscription charge and the supplier
 * shares of the statements agreed for periods ending in it), the cost of its people per organisation, the margin and
 * the margin in percent of revenue (null without revenue).
 */
public record EngagementMargin(EngagementId engagementId, Currency currency, List<Month> months) {

    public record Month(YearMonth month, Money subscription, Money gainShare, Money revenue, List<OrganisationCost> costs,
                        Money cost, Money margin, BigDecimal marginPercent) {
    }

    /** {@code unpricedPersonDays}: worked by people without a day rate, whose cost is not in {@code cost}. */
    public record OrganisationCost(OrganisationKind organisationKind, String organisationName, BigDecimal personDays,
                                   Money cost, BigDecimal unpricedPersonDays) {
    }
}
