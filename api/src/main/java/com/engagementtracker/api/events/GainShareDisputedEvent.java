package com.engagementtracker.api.events;

public record GainShareDisputedEvent(String engagementId, String statementId, String reason) {
}
