package com.engagementtracker.api.queries;

import com.engagementtracker.api.Money;
import java.time.YearMonth;
import java.util.List;

/** The subscription charges of every month that has begun, up to today. */
public record SubscriptionCharges(List<Charge> charges) {

    public record Charge(YearMonth month, Money amount, int days, int daysInMonth) {
    }
}
