package com.engagementtracker.api.events;

import com.engagementtracker.api.CustomerJob;
import java.time.LocalDate;
import java.util.Currency;

public record EngagementOpenedEvent(String engagementId, String customerId, String customerName, String title,
                                    CustomerJob customerJob, LocalDate plannedStart, LocalDate plannedEnd,
                                    Currency currency, String owner) {
}
