package com.engagementtracker.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How measured gain is shared. The hurdle and the caps are null when none was agreed.
 */
public record GainShareTerms(BigDecimal sharePercent, Money hurdle, Money periodCap, Money lifetimeCap,
                             boolean carryForwardLosses) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public GainShareTerms {
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
