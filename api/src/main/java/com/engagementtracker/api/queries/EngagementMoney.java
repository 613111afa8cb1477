package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import java.util.List;

/**
 * Each engagement's money to date: the supplier's gain shares, what accrued (months begun and agreed
 * statements), what was paid, the difference, and what was invoiced.
 */
public record EngagementMoney(List<Entry> entries) {

    public record Entry(EngagementId engagementId, Money gainToDate, Money billedToDate, Money paidToDate, Money outstanding,
                        Money invoicedToDate) {
    }
}
