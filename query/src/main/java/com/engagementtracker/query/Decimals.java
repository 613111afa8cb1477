package com.engagementtracker.query;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers on their way out of a read model: without the padding a fixed-scale column adds. */
public final class Decimals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code part} as a percentage of {@code whole}, to two decimals; null when the whole is zero. */
    public static BigDecimal percentOf(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole.abs(), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_EVEN);
    }
}
