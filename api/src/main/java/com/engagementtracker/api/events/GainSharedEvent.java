package com.engagementtracker.api.events;

import com.engagementtracker.api.GainShareBreakdown;
import java.time.LocalDate;

public record GainSharedEvent(String engagementId, String statementId, LocalDate periodStart, LocalDate periodEnd,
                              GainShareBreakdown breakdown) {
}
