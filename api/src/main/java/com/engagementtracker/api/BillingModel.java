package com.engagementtracker.api;

public enum BillingModel {
    SUBSCRIPTION, GAIN_SHARE, HYBRID;

    public boolean hasSubscription() {
        return this != GAIN_SHARE;
    }

    public boolean hasGainShare() {
        return this != SUBSCRIPTION;
    }
}
