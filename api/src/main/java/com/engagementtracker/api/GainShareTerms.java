package com.engagementtracker.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How measured gain is shared. The hurdle and the caps are null when none was agreed. A statement covers one
 * {@code settlementPeriod} (monthly unless agreed otherwise, as in terms agreed before it existed); the customer has
 * {@code disputeWindowDays} after a settlement to confirm or dispute it (14 unless agreed otherwise).
 */
public record GainShareTerms(BigDecimal sharePercent, Money hurdle, Money periodCap, Money lifetimeCap,
                             boolean carryForwardLosses, SettlementPeriod settlementPeriod, Integer disputeWindowDays) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final int DEFAULT_DISPUTE_WINDOW_DAYS = 14;
    public static final int MAX_DISPUTE_WINDOW_DAYS = 90;

    /** Monthly terms with the default dispute window. */
    public GainShareTerms(BigDecimal sharePercent, Money hurdle, Money periodCap, Money lifetimeCap,
                          boolean carryForwardLosses) {
        this(sharePercent, hurdle, periodCap, lifetimeCap, carryForwardLosses, null, null);
    }

    public GainShareTerms {
        settlementPeriod = settlementPeriod == null ? SettlementPeriod.MONTHLY : settlementPeriod;
        disputeWindowDays = disputeWindowDays == null ? DEFAULT_DISPUTE_WINDOW_DAYS : disputeWindowDays;
        if (disputeWindowDays < 0 || disputeWindowDays > MAX_DISPUTE_WINDOW_DAYS) {
            throw new InvalidValue("disputeWindowDays", "must be from 0 to " + MAX_DISPUTE_WINDOW_DAYS + " days");
        }
        Objects.requireNonNull(sharePercent, "sharePercent");
        if (sharePercent.signum() <= 0 || sharePercent.compareTo(HUNDRED) > 0) {
            throw new InvalidValue("sharePercent", "must be above 0 and at most 100");
        }
        requireNotNegative("hurdle", hurdle);
        requireNotNegative("periodCap", periodCap);
        requireNotNegative("lifetimeCap", lifetimeCap);
    }

    private static void requireNotNegative(String field, Money amount) {
        if (amount != null && amount.negative()) {
            throw new InvalidValue(field, "must not be negative");
        }
    }

    /** The money a period's gain must exceed before anything is shared: zero when no hurdle was agreed. */
    public BigDecimal hurdleAmount() {
        return hurdle == null ? BigDecimal.ZERO : hurdle.amount();
    }
}
