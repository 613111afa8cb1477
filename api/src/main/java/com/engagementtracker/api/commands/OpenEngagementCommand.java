package com.engagementtracker.api.commands;

import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.InvalidValue;
import com.engagementtracker.api.PersonId;
import java.time.LocalDate;
import java.util.Currency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenEngagementCommand(@TargetAggregateIdentifier EngagementId engagementId, String customerId,
                                    String customerName, String title, CustomerJob customerJob,
                                    LocalDate plannedStart, LocalDate plannedEnd, Currency currency,
                                    PersonId owner) {

    public OpenEngagementCommand {
        InvalidValue.requireOrder(plannedStart, plannedEnd, "plannedStart", "plannedEnd");
    }
}
