package com.engagementtracker.api.events;

import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.PersonId;
import java.time.LocalDate;
import java.util.Currency;

public record EngagementOpenedEvent(EngagementId engagementId, String customerId, String customerName, String title,
                                    CustomerJob customerJob, LocalDate plannedStart, LocalDate plannedEnd,
                                    Currency currency, PersonId owner) {
}
