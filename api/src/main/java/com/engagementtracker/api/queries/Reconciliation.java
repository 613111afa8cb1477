package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * Finance's view: one line per engagement and month with something billed or paid, and the totals per
 * currency (never summed across currencies).
 */
public record Reconciliation(List<Line> lines, List<Total> totals) {

    /** {@code invoiced}: the totals of the invoices issued for the month (billed is what accrued). */
    public record Line(EngagementId engagementId, String customerName, Currency currency, YearMonth month,
                       Money billed, Money paid, Money outstanding, Money invoiced) {
    }

    public record Total(Currency currency, Money billed, Money paid, Money outstanding, Money invoiced) {
    }
}
