package com.engagementtracker.command.web;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.ClientChosenId;
import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.Limits;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.SubscriptionTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * The bodies of the command endpoints, exactly as docs/api.md names their fields. People are named by person id
 * ({@code owner}, {@code recordedBy}, {@code correctedBy}): names go to the person directory, never into events. Validation here names the
 * offending field in a 400; the aggregate then checks what depends on the engagement's state.
 */
final class EngagementRequests {

    private static final String CLIENT_ID = ClientChosenId.REGEX;
    private static final String CLIENT_ID_MESSAGE = ClientChosenId.RULE;

    private EngagementRequests() {
    }

    record OpenEngagement(@NotBlank @Size(max = 255) String customerId,
                          @NotBlank @Size(max = 255) String customerName,
                          @NotBlank @Size(max = 255) String title,
                          @NotNull @Valid CustomerJobBody customerJob,
                          @NotNull LocalDate plannedStart,
                          @NotNull LocalDate plannedEnd,
                          @NotNull Currency currency,
                          @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String owner) {

        @AssertTrue(message = "must not be before plannedStart")
        boolean isPlannedEnd() {
            return plannedStart == null || plannedEnd == null || !plannedEnd.isBefore(plannedStart);
        }
    }

    record CustomerJobBody(@NotBlank @Size(max = 2000) String description,
                           @NotNull @Min(1) @Max(5) Integer importance,
                           @NotNull @Min(1) @Max(5) Integer painSeverity,
                           @NotNull @Min(1) @Max(5) Integer gainRelevance) {

        CustomerJob toValue() {
            return new CustomerJob(description, importance, painSeverity, gainRelevance);
        }
    }

    record AgreeTerms(@NotNull BillingModel model,
                      @Valid SubscriptionBody subscription,
                      @Valid GainShareBody gainShare) {

        @AssertTrue(message = "is required for the SUBSCRIPTION and HYBRID models, and only for them")
        boolean isSubscription() {
            return model == null || model.hasSubscription() == (subscription != null);
        }

        @AssertTrue(message = "is required for the GAIN_SHARE and HYBRID models, and only for them")
        boolean isGainShare() {
            return model == null || model.hasGainShare() == (gainShare != null);
        }
    }

    record SubscriptionBody(@NotNull Money monthlyFee) {

        @AssertTrue(message = "must not be negative")
        boolean isMonthlyFee() {
            return monthlyFee == null || !monthlyFee.negative();
        }

        SubscriptionTerms toValue() {
            return new SubscriptionTerms(monthlyFee);
        }
    }

    record GainShareBody(@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100")
                         @Digits(integer = 3, fraction = Limits.PERCENT_FRACTION_DIGITS) BigDecimal sharePercent,
                         Money hurdle, Money periodCap, Money lifetimeCap, Boolean carryForwardLosses) {

        @AssertTrue(message = "must not be negative")
        boolean isHurdle() {
            return hurdle == null || !hurdle.negative();
        }

        @AssertTrue(message = "must not be negative")
        boolean isPeriodCap() {
            return periodCap == null || !periodCap.negative();
        }

        @AssertTrue(message = "must not be negative")
        boolean isLifetimeCap() {
            return lifetimeCap == null || !lifetimeCap.negative();
        }

        GainShareTerms toValue() {
            return new GainShareTerms(sharePercent, hurdle, periodCap, lifetimeCap,
                    carryForwardLosses == null || carryForwardLosses);
        }
    }

    record CaptureBaseline(@NotEmpty @Size(max = 100) List<@NotNull @Valid BaselineMetricBody> metrics) {
    }

    record BaselineMetricBody(@NotNull @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String metricId,
                              @NotBlank @Size(max = 255) String name,
                              @NotBlank @Size(max = 64) String unit,
                              @NotNull Direction direction,
                              @NotNull @Digits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal baselineValue,
                              @NotNull LocalDate baselineFrom,
                              @NotNull LocalDate baselineTo,
                              @Size(max = 255) String source,
                              @NotNull Aggregation aggregation,
                              Money valuePerUnit) {

        @AssertTrue(message = "must not be negative: the direction already says which way is better")
        boolean isValuePerUnit() {
            return valuePerUnit == null || !valuePerUnit.negative();
        }

        @AssertTrue(message = "must not be before baselineFrom")
        boolean isBaselineTo() {
            return baselineFrom == null || baselineTo == null || !baselineTo.isBefore(baselineFrom);
        }

        BaselineMetric toValue() {
            return new BaselineMetric(new MetricId(metricId), name, unit, direction, baselineValue, baselineFrom, baselineTo, source,
                    aggregation, valuePerUnit);
        }
    }

    record AdjustBaseline(@NotNull @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String metricId,
                          @NotNull @Digits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal baselineValue,
                          @NotBlank @Size(max = 2000) String reason) {
    }

    record AssignPerson(@NotNull @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String personId,
                        @NotBlank @Size(max = 255) String displayName,
                        @NotNull OrganisationKind organisationKind,
                        @Size(max = 255) String organisationName,
                        @NotBlank @Size(max = 255) String role,
                        @NotNull @DecimalMin("1") @DecimalMax("100") @Digits(integer = 3, fraction = Limits.PERCENT_FRACTION_DIGITS) BigDecimal allocationPercent,
                        @NotNull LocalDate from,
                        @NotNull LocalDate to) {

        @AssertTrue(message = "must not be before from")
        boolean isTo() {
            return from == null || to == null || !to.isBefore(from);
        }

        @AssertTrue(message = "is required for a PARTNER")
        boolean isOrganisationName() {
            return organisationKind != OrganisationKind.PARTNER || (organisationName != null && !organisationName.isBlank());
        }
    }

    record OnDate(@NotNull LocalDate on) {
    }

    record RecordMetric(@NotNull @Digits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal value,
                        @Size(max = 64) String unit,
                        @NotNull LocalDate date,
                        @Size(max = 255) String source,
                        @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String recordedBy) {
    }

    record CorrectMetric(@NotNull @Digits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal value,
                         @NotBlank @Size(max = 2000) String reason,
                         @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String correctedBy) {
    }

    record Settle(@NotNull LocalDate periodStart, @NotNull LocalDate periodEnd) {

        @AssertTrue(message = "must not be before periodStart")
        boolean isPeriodEnd() {
            return periodStart == null || periodEnd == null || !periodEnd.isBefore(periodStart);
        }
    }

    record Dispute(@NotBlank @Size(max = 2000) String reason) {
    }

    record Resolve(@NotNull Money supplierShare, @NotBlank @Size(max = 2000) String note) {
    }

    record ChangeFee(@NotNull Money monthlyFee, @NotNull LocalDate effectiveFrom) {
    }

    record RecordPayment(@NotNull Money amount,
                         @NotBlank @Size(max = 255) String reference,
                         @NotNull LocalDate receivedOn) {
    }

    record Complete(@NotNull LocalDate on, @NotBlank @Size(max = 10000) String summary) {
    }

    record Cancel(@NotNull LocalDate on, @NotBlank @Size(max = 2000) String reason) {
    }
}
