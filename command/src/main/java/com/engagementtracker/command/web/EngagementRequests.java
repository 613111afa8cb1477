package com.engagementtracker.command.web;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.ClientChosenId;
import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.InvalidValue;
import com.engagementtracker.api.Limits;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.SettlementPeriod;
import com.engagementtracker.api.SubscriptionTerms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The bodies of the command endpoints, exactly as docs/api.md names their fields. People are named by person id
 * ({@code owner}, {@code recordedBy}, {@code correctedBy}): names go to the person directory, never into events.
 * The annotations here check only the shape of the input (present, length, digits, id pattern). The rules of
 * the values (a range's order, a score from 1 to 5, caps not negative, the terms a model needs, an allocation
 * from 1 to 100) live once, in the {@code api} records and commands these bodies map onto, and come back as a
 * 400 naming the field ({@link InvalidValue}); the aggregate then checks what depends on the engagement's state.
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
    }

    record CustomerJobBody(@NotBlank @Size(max = 2000) String description,
                           @NotNull Integer importance,
                           @NotNull Integer painSeverity,
                           @NotNull Integer gainRelevance) {

        CustomerJob toValue() {
            return InvalidValue.within("customerJob", () -> new CustomerJob(description, importance, painSeverity, gainRelevance));
        }
    }

    record AgreeTerms(@NotNull BillingModel model,
                      @Valid SubscriptionBody subscription,
                      @Valid GainShareBody gainShare,
                      Integer paymentTermsDays) {
    }

    record SubscriptionBody(@NotNull Money monthlyFee) {

        SubscriptionTerms toValue() {
            return InvalidValue.within("subscription", () -> new SubscriptionTerms(monthlyFee));
        }
    }

    record GainShareBody(@NotNull @DecimalDigits(integer = 3, fraction = Limits.PERCENT_FRACTION_DIGITS) BigDecimal sharePercent,
                         Money hurdle, Money periodCap, Money lifetimeCap, Boolean carryForwardLosses,
                         SettlementPeriod settlementPeriod, Integer disputeWindowDays) {

        /** Losses are carried forward, periods are months and the dispute window is 14 days, unless the terms say otherwise. */
        GainShareTerms toValue() {
            return InvalidValue.within("gainShare", () -> new GainShareTerms(sharePercent, hurdle, periodCap, lifetimeCap,
                    carryForwardLosses == null || carryForwardLosses, settlementPeriod, disputeWindowDays));
        }
    }

    record CaptureBaseline(@NotEmpty @Size(max = 100) List<@NotNull @Valid BaselineMetricBody> metrics) {
    }

    record BaselineMetricBody(@NotNull @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String metricId,
                              @NotBlank @Size(max = 255) String name,
                              @NotBlank @Size(max = 64) String unit,
                              @NotNull Direction direction,
                              @NotNull @DecimalDigits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal baselineValue,
                              @NotNull LocalDate baselineFrom,
                              @NotNull LocalDate baselineTo,
                              @Size(max = 255) String source,
                              @NotNull Aggregation aggregation,
                              Money valuePerUnit,
                              @DecimalDigits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal minValue,
                              @DecimalDigits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal maxValue) {

        /** The metric as the baseline holds it; {@code path} is where this body sits in the request. */
        BaselineMetric toValue(String path) {
            return InvalidValue.within(path, () -> new BaselineMetric(new MetricId(metricId), name, unit, direction, baselineValue,
                    baselineFrom, baselineTo, source, aggregation, valuePerUnit, minValue, maxValue));
        }
    }

    record AdjustBaseline(@NotNull @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String metricId,
                          @NotNull @DecimalDigits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal baselineValue,
                          @NotBlank @Size(max = 2000) String reason) {
    }

    record AssignPerson(@NotNull @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String personId,
                        @NotBlank @Size(max = 255) String displayName,
                        @NotNull OrganisationKind organisationKind,
                        @Size(max = 255) String organisationName,
                        @NotBlank @Size(max = 255) String role,
                        @NotNull @DecimalDigits(integer = 3, fraction = Limits.PERCENT_FRACTION_DIGITS) BigDecimal allocationPercent,
                        @NotNull LocalDate from,
                        @NotNull LocalDate to,
                        Money dayRate) {
    }

    record OnDate(@NotNull LocalDate on) {
    }

    record ChangePlan(@NotNull LocalDate plannedStart, @NotNull LocalDate plannedEnd, @NotBlank @Size(max = 2000) String reason) {
    }

    record RecordMetric(@NotNull @DecimalDigits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal value,
                        @Size(max = 64) String unit,
                        @NotNull LocalDate date,
                        @Size(max = 255) String source,
                        @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String recordedBy) {
    }

    record RecordBatch(@NotEmpty @Size(max = Limits.BATCH_ROWS) List<@Valid @NotNull BatchRecording> recordings,
                       @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String recordedBy) {
    }

    /** {@code externalId}: the source system's id of the recording; a recording sent again with it is skipped. */
    record BatchRecording(@NotNull MetricId metricId,
                          @NotNull @DecimalDigits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal value,
                          @Size(max = 64) String unit,
                          @NotNull LocalDate date,
                          @Size(max = 255) String source,
                          @Size(max = 255) String externalId) {
    }

    record CorrectMetric(@NotNull @DecimalDigits(integer = Limits.VALUE_INTEGER_DIGITS, fraction = Limits.VALUE_FRACTION_DIGITS) BigDecimal value,
                         @NotBlank @Size(max = 2000) String reason,
                         @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_MESSAGE) String correctedBy) {
    }

    record Settle(@NotNull LocalDate periodStart, @NotNull LocalDate periodEnd) {
    }

    record Dispute(@NotBlank @Size(max = 2000) String reason) {
    }

    /** Other gain-share terms, over the settled periods when {@code periods} is left out (at most ten years of months). */
    record Simulate(@NotNull @Valid GainShareBody gainShare, @Size(max = 120) List<@NotNull @Valid Settle> periods) {

        List<DateRange> periodsToValue() {
            if (periods == null) {
                return null;
            }
            return IntStream.range(0, periods.size()).mapToObj(i -> {
                Settle period = periods.get(i);
                InvalidValue.requireOrder(period.periodStart(), period.periodEnd(), "periods[" + i + "].periodStart",
                        "periods[" + i + "].periodEnd");
                return new DateRange(period.periodStart(), period.periodEnd());
            }).toList();
        }
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
