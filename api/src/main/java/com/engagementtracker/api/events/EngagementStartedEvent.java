package com.engagementtracker.api.events;

import java.time.LocalDate;

public record EngagementStartedEvent(String engagementId, LocalDate on) {
}
