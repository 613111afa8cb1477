package com.engagementtracker.api;

public enum StatementStatus {
    SETTLED, CONFIRMED, DISPUTED, RESOLVED
}
