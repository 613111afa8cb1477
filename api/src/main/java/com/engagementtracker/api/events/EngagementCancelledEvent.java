package com.engagementtracker.api.events;

import java.time.LocalDate;

public record EngagementCancelledEvent(String engagementId, LocalDate on, String reason) {
}
