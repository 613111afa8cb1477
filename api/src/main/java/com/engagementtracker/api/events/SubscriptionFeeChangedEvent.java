package com.engagementtracker.api.events;

import com.engagementtracker.api.Money;
import java.time.LocalDate;

public record SubscriptionFeeChangedEvent(String engagementId, Money monthlyFee, LocalDate effectiveFrom) {
}
