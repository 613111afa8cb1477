package com.engagementtracker.api;

public enum CapApplied {
    NONE, PERIOD_CAP, LIFETIME_CAP
}
