package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import java.time.LocalDate;

public record SubscriptionFeeChangedEvent(EngagementId engagementId, Money monthlyFee, LocalDate effectiveFrom) {
}
