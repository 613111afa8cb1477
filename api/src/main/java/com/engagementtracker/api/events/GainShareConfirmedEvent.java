package com.engagementtracker.api.events;

public record GainShareConfirmedEvent(String engagementId, String statementId) {
}
