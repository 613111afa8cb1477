package com.engagementtracker.api.queries;

import com.engagementtracker.api.Money;
import java.util.Currency;
import java.util.List;

/**
 * Outstanding invoice amounts per customer and currency, by days past due: not yet due ({@code current}),
 * 1 to 30, 31 to 60, 61 to 90, and over 90.
 */
public record Aging(List<Row> rows) {

    public record Row(String customerId, String customerName, Currency currency, Money current, Money days1to30,
                      Money days31to60, Money days61to90, Money over90) {
    }
}
