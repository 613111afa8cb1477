package com.engagementtracker.api;

/**
 * The business rules an engagement enforces. The name is the stable machine-readable {@code code} that
 * clients see; {@link #notFound} marks the ones that mean "no such thing here" rather than "not now".
 */
public enum Rule {
    ENGAGEMENT_NOT_FOUND(true),
    METRIC_NOT_FOUND(true),
    RECORDING_NOT_FOUND(true),
    STATEMENT_NOT_FOUND(true),
    PERSON_NOT_ASSIGNED(true),
    TERMS_NOT_AGREED(false),
    TERMS_LOCKED(false),
    NO_SUBSCRIPTION_TERMS(false),
    NO_GAIN_SHARE_TERMS(false),
    BASELINE_NOT_CAPTURED(false),
    BASELINE_ALREADY_CAPTURED(false),
    BASELINE_LOCKED(false),
    DUPLICATE_METRIC(false),
    UNIT_MISMATCH(false),
    ASSIGNMENT_OUTSIDE_ENGAGEMENT(false),
    PERSON_ALREADY_ASSIGNED(false),
    RELEASE_OUTSIDE_ASSIGNMENT(false),
    NOT_STARTED(false),
    ALREADY_STARTED(false),
    ENGAGEMENT_ENDED(false),
    DATE_IN_FUTURE(false),
    DATE_BEFORE_START(false),
    DATE_AFTER_END(false),
    RECORDING_IN_SETTLED_PERIOD(false),
    PERIOD_NOT_CONTIGUOUS(false),
    PERIOD_STARTS_AFTER_FIRST_RECORDING(false),
    PERIOD_NOT_CLOSED(false),
    PERIOD_ALREADY_SETTLED(false),
    STATEMENT_NOT_SETTLED(false),
    STATEMENT_NOT_DISPUTED(false),
    RESOLUTION_EXCEEDS_SHAREABLE_GAIN(false),
    CURRENCY_MISMATCH(false),
    DUPLICATE_PAYMENT_REFERENCE(false),
    NEGATIVE_AMOUNT(false),
    MONTH_NOT_ENDED(false),
    START_BEFORE_PLANNED_START(false),
    START_DURING_BASELINE(false),
    PLAN_START_LOCKED(false),
    PLAN_END_BEFORE_FACTS(false),
    VALUE_OUT_OF_RANGE(false),
    PERIOD_NOT_A_SETTLEMENT_PERIOD(false);

    private final boolean notFound;

    Rule(boolean notFound) {
        this.notFound = notFound;
    }

    public boolean notFound() {
        return notFound;
    }
}
