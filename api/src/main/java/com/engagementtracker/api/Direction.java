package com.engagementtracker.api;

import java.math.BigDecimal;

public enum Direction {
    HIGHER_IS_BETTER(BigDecimal.ONE), LOWER_IS_BETTER(BigDecimal.ONE.negate());

    private final BigDecimal sign;

    Direction(BigDecimal sign) {
        this.sign = sign;
    }

    /** improvement = d * (measured - baseline), d = +1 or -1 */
    public BigDecimal improvement(BigDecimal measured, BigDecimal baseline) {
        return sign.multiply(measured.subtract(baseline));
    }
}
