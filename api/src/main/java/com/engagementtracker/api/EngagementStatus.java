package com.engagementtracker.api;

public enum EngagementStatus {
    OPENED, ACTIVE, COMPLETED, CANCELLED
}
