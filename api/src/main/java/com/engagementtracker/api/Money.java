package com.engagementtracker.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency, always at the currency's minor-unit scale, so that equal amounts are
 * {@code equals}, and never larger than {@link Limits#MONEY_INTEGER_DIGITS} digits. Exact intermediate results stay plain {@link BigDecimal}s until {@link #rounded}
 * turns them into money: that is the one place where this product rounds.
 */
public record Money(BigDecimal amount, Currency currency) {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (Limits.integerDigits(amount) > Limits.MONEY_INTEGER_DIGITS) {
            throw new IllegalArgumentException("an amount has at most " + Limits.MONEY_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        int scale = minorUnits(currency);
        if (amount.signum() == 0) {
            amount = BigDecimal.ZERO;
        } else if (Limits.fractionDigits(amount) > scale) {
            throw new IllegalArgumentException(
                    "an amount in " + currency + " has at most " + scale + " decimal places, got " + amount);
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** The single rounding rule of the product: HALF_EVEN to the currency's minor unit. */
    public static Money rounded(BigDecimal exact, Currency currency) {
        return new Money(exact.setScale(minorUnits(currency), ROUNDING), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public boolean negative() {
        return amount.signum() < 0;
    }

    public boolean isIn(Currency other) {
        return currency.equals(other);
    }

    private Money sameCurrency(Money other) {
        if (!isIn(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    private static int minorUnits(Currency currency) {
        // pseudo-currencies such as XAU report -1; treat them as whole units
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
