package com.engagementtracker.api.queries;

import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EngagementStatus;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.PersonId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * What the account team sees of one engagement. {@code improvement} is in the metric's unit, positive when
 * better whatever the direction; {@code improvementPercent} is relative to the baseline (null for a zero
 * baseline). The money totals are in the engagement's currency.
 */
public record EngagementSummary(EngagementId id, String customerId, String customerName, String title,
                                CustomerJob customerJob, EngagementStatus status, BillingModel model, Currency currency,
                                LocalDate plannedStart, LocalDate plannedEnd, LocalDate startedOn, LocalDate endedOn,
                                List<Person> people, List<Metric> metrics, Money gainToDate, Money billedToDate,
                                Money paidToDate, Money outstanding, Money invoicedToDate) {

    public record Person(PersonId personId, String displayName, OrganisationKind organisationKind,
                         String organisationName, String role, BigDecimal allocationPercent, LocalDate from,
                         LocalDate to, LocalDate releasedOn) {
    }

    public record Metric(MetricId metricId, String name, String unit, Direction direction, BigDecimal baselineValue,
                         BigDecimal latestValue, LocalDate latestDate, BigDecimal improvement,
                         BigDecimal improvementPercent) {
    }
}
