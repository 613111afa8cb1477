package com.engagementtracker.api;

import java.util.Objects;

public record SubscriptionTerms(Money monthlyFee) {

    public SubscriptionTerms {
        Objects.requireNonNull(monthlyFee, "monthlyFee");
        if (monthlyFee.negative()) {
            throw new InvalidValue("monthlyFee", "must not be negative");
        }
    }
}
