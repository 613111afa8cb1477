package com.engagementtracker.api;

public enum Aggregation {
    AVERAGE, SUM, LAST
}
