package com.engagementtracker.api.events;

import java.time.LocalDate;

public record PersonReleasedEvent(String engagementId, String personId, LocalDate on) {
}
