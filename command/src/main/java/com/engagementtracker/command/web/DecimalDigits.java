package com.engagementtracker.command.web;

import com.engagementtracker.api.Limits;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/**
 * At most {@code integer} digits before the decimal point and {@code fraction} after it, counted by {@link Limits#fits}
 * in {@code long}. It replaces Bean Validation's {@code @Digits}, whose {@code int} count lets 1E+2147483647 through.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DecimalDigits.Check.class)
@interface DecimalDigits {

    int integer();

    int fraction();

    String message() default "must have at most {integer} digits before the decimal point and {fraction} after it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DecimalDigits, BigDecimal> {

        private int integer;
        private int fraction;

        @Override
        public void initialize(DecimalDigits digits) {
            integer = digits.integer();
            fraction = digits.fraction();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            return value == null || Limits.fits(value, integer, fraction);
        }
    }
}
