package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeSubscriptionFeeCommand(@TargetAggregateIdentifier EngagementId engagementId, Money monthlyFee,
                                           LocalDate effectiveFrom) {
}
