package com.engagementtracker.api.queries;

public record FindEngagementQuery(String engagementId) {
}
