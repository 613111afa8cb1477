package com.engagementtracker.api.events;

import java.time.LocalDate;

public record EngagementCompletedEvent(String engagementId, LocalDate on, String summary) {
}
