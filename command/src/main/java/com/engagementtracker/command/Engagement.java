package com.engagementtracker.command;

import static com.engagementtracker.command.RuleViolationException.check;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.DocumentType;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EngagementStatus;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.InvoiceLine;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.PaymentId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.Rule;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.SubscriptionProration;
import com.engagementtracker.api.SubscriptionProration.Fee;
import com.engagementtracker.api.SubscriptionProration.MonthlyCharge;
import com.engagementtracker.api.commands.AdjustBaselineCommand;
import com.engagementtracker.api.commands.AgreeTermsCommand;
import com.engagementtracker.api.commands.AssignPersonCommand;
import com.engagementtracker.api.commands.CancelEngagementCommand;
import com.engagementtracker.api.commands.ChangePlanCommand;
import com.engagementtracker.api.commands.CaptureBaselineCommand;
import com.engagementtracker.api.commands.ChangeSubscriptionFeeCommand;
import com.engagementtracker.api.commands.CompleteEngagementCommand;
import com.engagementtracker.api.commands.ConfirmGainShareCommand;
import com.engagementtracker.api.commands.CorrectMetricCommand;
import com.engagementtracker.api.commands.DisputeGainShareCommand;
import com.engagementtracker.api.commands.OpenEngagementCommand;
import com.engagementtracker.api.commands.RecordMetricBatchCommand;
import com.engagementtracker.api.commands.RecordMetricCommand;
import com.engagementtracker.api.commands.RecordPaymentCommand;
import com.engagementtracker.api.commands.ReleasePersonCommand;
import com.engagementtracker.api.commands.ResolveGainShareCommand;
import com.engagementtracker.api.commands.SettleGainShareCommand;
import com.engagementtracker.api.commands.StartEngagementCommand;
import com.engagementtracker.api.events.BaselineAdjustedEvent;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.events.EngagementCancelledEvent;
import com.engagementtracker.api.events.EngagementCompletedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.GainShareConfirmedEvent;
import com.engagementtracker.api.events.GainShareDisputedEvent;
import com.engagementtracker.api.events.GainShareResolvedEvent;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.InvoiceIssuedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.api.events.PaymentAppliedEvent;
import com.engagementtracker.api.events.PaymentRecordedEvent;
import com.engagementtracker.api.events.PersonAssignedEvent;
import com.engagementtracker.api.events.PlanChangedEvent;
import com.engagementtracker.api.events.PersonReleasedEvent;
import com.engagementtracker.api.events.SubscriptionFeeChangedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.command.GainShareSettlement.Measurement;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One engagement: its terms, baseline, people, recordings, gain-share settlements and payments. It keeps
 * only what later decisions need; everything else lives in the events and the read models. Recordings of
 * settled periods are final, so it forgets them once settled: a two-year engagement loads (and snapshots,
 * field by field) about as fast as a new one. "Today" comes from the injected {@link Clock}.
 */
@Aggregate(snapshotTriggerDefinition = "engagementSnapshotTrigger", cache = "engagementCache",
        commandTargetResolver = ExpectedVersion.TARGET_RESOLVER)
@Revision("3")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class Engagement {


    @AggregateIdentifier
    private EngagementId id;
    private Currency currency;
    private DateRange planned;
    private EngagementStatus status;
    private LocalDate startedOn;
    private LocalDate endedOn;
    private BillingModel model;
    private GainShareTerms gainShare;
    private Map<MetricId, BaselineMetric> baseline;
    /** the recordings of periods not yet settled, corrections applied */
    private final Map<RecordingId, Measurement> recordings = new HashMap<>();
    private long recordingSequence;
    /** "metricId/externalId" of every recording that came with an id from another system, to skip it if sent again */
    private final Set<String> externalIds = new HashSet<>();
    private LocalDate firstRecordingDate;
    private LocalDate lastRecordingDate;
    private final Map<PersonId, DateRange> assignments = new HashMap<>();
    private LocalDate lastSettledEnd;
    private BigDecimal carriedDeficit = BigDecimal.ZERO;
    private final Map<StatementId, Statement> statements = new LinkedHashMap<>();
    private final Set<String> paymentReferences = new HashSet<>();
    private String customerId;
    private String customerName;
    /** the agreed fee (from the first day) and every change after it, in the order they were made */
    private final List<Fee> fees = new ArrayList<>();
    private int paymentTermsDays = TermsAgreedEvent.DEFAULT_PAYMENT_TERMS_DAYS;
    /** the months an invoice was issued for */
    private final Set<YearMonth> invoiceMonths = new HashSet<>();
    /** per month, the subscription charge invoiced so far, adjustments included */
    private final Map<YearMonth, Money> invoicedCharges = new HashMap<>();
    private final Set<StatementId> invoicedStatements = new HashSet<>();
    /** issued invoices with money still owed on them, oldest first */
    private final Map<String, OpenInvoice> openInvoices = new LinkedHashMap<>();
    /** money received (payments, credit notes) not yet applied to an invoice */
    private Money credit;

    /** What a later decision needs of a statement: where it stands, what the supplier gets, of how much. */
    private record Statement(StatementStatus status, Money supplierShare, Money shareableGain, DateRange period) {
        Statement with(StatementStatus newStatus, Money newSupplierShare) {
            return new Statement(newStatus, newSupplierShare, shareableGain, period);
        }
    }

    private record OpenInvoice(String number, Money outstanding) {
    }

    /** Axon creates an empty instance and replays the events into it. */
    protected Engagement() {
    }

    @CommandHandler
    public Engagement(OpenEngagementCommand command) {
        apply(new EngagementOpenedEvent(command.engagementId(), command.customerId(),
                command.customerName(), command.title(), command.customerJob(), command.plannedStart(),
                command.plannedEnd(), command.currency(), command.owner()));
    }

    @CommandHandler
    public void handle(AgreeTermsCommand command) {
        requireNotEnded();
        check(status == EngagementStatus.OPENED, Rule.TERMS_LOCKED,
                "terms cannot change once the engagement has started; change the subscription fee instead");
        if (command.subscription() != null) {
            requireCurrency(command.subscription().monthlyFee());
        }
        if (command.gainShare() != null) {
            GainShareTerms terms = command.gainShare();
            requireCurrency(terms.hurdle());
            requireCurrency(terms.periodCap());
            requireCurrency(terms.lifetimeCap());
        }
        apply(new TermsAgreedEvent(id, command.model(), command.subscription(), command.gainShare(),
                command.paymentTermsDays()));
    }

    @CommandHandler
    public void handle(CaptureBaselineCommand command) {
        requireNotEnded();
        check(baseline == null, Rule.BASELINE_ALREADY_CAPTURED,
                "the baseline was already captured; adjust a metric's baseline value instead");
        if (command.metrics() == null || command.metrics().isEmpty()) {
            throw new IllegalArgumentException("a baseline needs at least one metric");
        }
        Set<MetricId> ids = new HashSet<>();
        for (BaselineMetric metric : command.metrics()) {
            check(ids.add(metric.metricId()), Rule.DUPLICATE_METRIC, "metric " + metric.metricId() + " appears twice");
            requireCurrency(metric.valuePerUnit());
        }
        apply(new BaselineCapturedEvent(id, List.copyOf(command.metrics())));
    }

    @CommandHandler
    public void handle(AdjustBaselineCommand command) {
        requireNotEnded();
        BaselineMetric metric = requireMetric(command.metricId());
        check(lastSettledEnd == null, Rule.BASELINE_LOCKED,
                "the baseline is locked since the first gain-share settlement (period ending " + lastSettledEnd + ")");
        requireAllowed(metric, command.baselineValue());
        apply(new BaselineAdjustedEvent(id, command.metricId(), metric.baselineValue(), command.baselineValue(),
                command.reason()));
    }

    @CommandHandler
    public void handle(AssignPersonCommand command) {
        requireNotEnded();
        DateRange assignment = new DateRange(command.from(), command.to());
        DateRange engagement = startedOn == null || !startedOn.isBefore(planned.from())
                ? planned : new DateRange(startedOn, planned.to());
        check(engagement.encloses(assignment), Rule.ASSIGNMENT_OUTSIDE_ENGAGEMENT,
                "an assignment must lie within the engagement, " + engagement.from() + " to " + engagement.to());
        check(!assignments.containsKey(command.personId()), Rule.PERSON_ALREADY_ASSIGNED,
                "person " + command.personId() + " is already assigned; release them first");
        requireCurrency(command.dayRate());
        apply(new PersonAssignedEvent(id, command.personId(), command.organisationKind(),
                command.organisationName(), command.role(), command.allocationPercent(), command.from(), command.to(),
                command.dayRate()));
    }

    @CommandHandler
    public void handle(ReleasePersonCommand command) {
        requireNotEnded();
        DateRange assignment = assignments.get(command.personId());
        check(assignment != null, Rule.PERSON_NOT_ASSIGNED, "person " + command.personId() + " is not assigned");
        check(assignment.contains(command.on()), Rule.RELEASE_OUTSIDE_ASSIGNMENT,
                "the release date must lie within the assignment, " + assignment.from() + " to " + assignment.to());
        apply(new PersonReleasedEvent(id, command.personId(), command.on()));
    }

    @CommandHandler
    public void handle(StartEngagementCommand command, Clock clock) {
        requireNotEnded();
        check(status == EngagementStatus.OPENED, Rule.ALREADY_STARTED, "the engagement started on " + startedOn);
        check(model != null, Rule.TERMS_NOT_AGREED, "terms must be agreed before the work starts");
        check(baseline != null, Rule.BASELINE_NOT_CAPTURED, "the baseline must be captured before the work starts");
        check(!command.on().isBefore(planned.from()), Rule.START_BEFORE_PLANNED_START,
                "the plan starts on " + planned.from() + "; to start earlier, change the plan first");
        BaselineMetric lastMeasured = baseline.values().stream().max(Comparator.comparing(BaselineMetric::baselineTo))
                .orElseThrow();
        check(command.on().isAfter(lastMeasured.baselineTo()), Rule.START_DURING_BASELINE,
                "the baseline of " + lastMeasured.metricId() + " is measured up to " + lastMeasured.baselineTo()
                        + "; the work starts after its baseline period");
        requireNotFuture(command.on(), clock);
        apply(new EngagementStartedEvent(id, command.on()));
    }

    /**
     * Moves the planned dates, with a reason. Before the work starts both may move; after it only the end, and never
     * before a fact the engagement already holds: the start, a recording, a settled period, an invoiced month, or an
     * assignment (release the person first).
     */
    @CommandHandler
    public void handle(ChangePlanCommand command) {
        requireNotEnded();
        check(startedOn == null || command.plannedStart().equals(planned.from()), Rule.PLAN_START_LOCKED,
                "the work started on " + startedOn + "; only the planned end can move, the planned start stays "
                        + planned.from());
        LocalDate lastFact = later(later(startedOn, lastRecordingDate), lastSettledEnd);
        LocalDate lastInvoiced = invoiceMonths.stream().max(YearMonth::compareTo).map(YearMonth::atEndOfMonth).orElse(null);
        lastFact = later(lastFact, lastInvoiced);
        check(lastFact == null || !command.plannedEnd().isBefore(lastFact), Rule.PLAN_END_BEFORE_FACTS,
                "the engagement holds facts up to " + lastFact + " (the start, recordings, settled periods or invoiced "
                        + "months); the planned end cannot come before it");
        DateRange plan = new DateRange(command.plannedStart(), command.plannedEnd());
        assignments.forEach((personId, assignment) -> check(plan.encloses(assignment), Rule.ASSIGNMENT_OUTSIDE_ENGAGEMENT,
                "person " + personId + " is assigned from " + assignment.from() + " to " + assignment.to()
                        + ", outside the new plan; release them first"));
        apply(new PlanChangedEvent(id, planned.from(), planned.to(), command.plannedStart(), command.plannedEnd(),
                command.reason()));
    }

    @CommandHandler
    public void handle(RecordMetricCommand command, Clock clock) {
        BaselineMetric metric = requireRecordable(command.metricId(), command.unit(), command.value(), command.date(), clock);
        apply(new MetricRecordedEvent(id, command.recordingId(), command.metricId(), command.value(), metric.unit(),
                command.date(), command.source(), command.recordedBy()));
    }

    /**
     * Every row checked against the same rules as a single recording; any refusal refuses the whole batch, naming each
     * bad row. Rows whose external id is already here (or earlier in the batch) are skipped as duplicates.
     */
    @CommandHandler
    public RecordMetricBatchCommand.Result handle(RecordMetricBatchCommand command, Clock clock) {
        List<RecordMetricBatchCommand.RefusedRow> refused = new ArrayList<>();
        List<MetricRecordedEvent> accepted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        for (int index = 0; index < command.rows().size(); index++) {
            RecordMetricBatchCommand.Row row = command.rows().get(index);
            BaselineMetric metric;
            try {
                metric = requireRecordable(row.metricId(), row.unit(), row.value(), row.date(), clock);
            } catch (RuleViolationException e) {
                refused.add(new RecordMetricBatchCommand.RefusedRow(index, fieldOf(e.rule()), e.rule(), e.getMessage()));
                continue;
            }
            String external = row.externalId() == null ? null : externalKey(row.metricId(), row.externalId());
            if (external != null && (externalIds.contains(external) || !seen.add(external))) {
                duplicates++;
                continue;
            }
            accepted.add(new MetricRecordedEvent(id, row.recordingId(), row.metricId(), row.value(), metric.unit(), row.date(),
                    row.source(), command.recordedBy(), row.externalId()));
        }
        if (!refused.isEmpty()) {
            throw new RowsRefusedException(refused, command.rows().size());
        }
        accepted.forEach(AggregateLifecycle::apply);
        return new RecordMetricBatchCommand.Result(accepted.size(), duplicates);
    }

    /**
     * The metric a recording of this value, on this date and in this unit, may be stored for, or the rule it breaks: the
     * value within the metric's bounds, the date in the reporting period (from the start, up to the end, not later than
     * today) and after the last settled period.
     */
    private BaselineMetric requireRecordable(MetricId metricId, String unit, BigDecimal value, LocalDate date, Clock clock) {
        BaselineMetric metric = requireMetric(metricId);
        check(unit == null || unit.equals(metric.unit()), Rule.UNIT_MISMATCH,
                "metric " + metricId + " is measured in " + metric.unit() + ", not " + unit + "; convert the value first");
        requireAllowed(metric, value);
        check(startedOn != null, Rule.NOT_STARTED, "values are recorded once the work has started; the baseline "
                + "stands for the time before");
        check(!date.isBefore(startedOn), Rule.DATE_BEFORE_START,
                "the work started on " + startedOn + "; " + date + " is before that");
        requireNotFuture(date, clock);
        requireNotAfterEnd(date);
        requireUnsettled(date);
        return metric;
    }

    /** The field of a recording a refusal is about. */
    private static String fieldOf(Rule rule) {
        return switch (rule) {
            case METRIC_NOT_FOUND -> "metricId";
            case UNIT_MISMATCH -> "unit";
            case VALUE_OUT_OF_RANGE -> "value";
            case BASELINE_NOT_CAPTURED -> "metricId";
            default -> "date";
        };
    }

    private static String externalKey(MetricId metricId, String externalId) {
        return metricId + "/" + externalId;
    }

    @CommandHandler
    public void handle(CorrectMetricCommand command) {
        requireMetric(command.metricId());
        Measurement recording = recordings.get(command.recordingId());
        check(recording != null && recording.metricId().equals(command.metricId()), Rule.RECORDING_NOT_FOUND,
                "metric " + command.metricId() + " has no recording " + command.recordingId() + " open to correction"
                        + (lastSettledEnd == null ? "" : "; recordings up to " + lastSettledEnd + " are settled and final"));
        requireAllowed(baseline.get(command.metricId()), command.value());
        apply(new MetricCorrectedEvent(id, command.recordingId(), command.metricId(), recording.date(),
                recording.value(), command.value(), command.reason(), command.correctedBy()));
    }

    @CommandHandler
    public GainSharedEvent handle(SettleGainShareCommand command, Clock clock) {
        check(model != null, Rule.TERMS_NOT_AGREED, "terms must be agreed before gain can be shared");
        check(model.hasGainShare(), Rule.NO_GAIN_SHARE_TERMS, "the " + model + " model has no gain sharing");
        check(startedOn != null, Rule.NOT_STARTED, "gain can be shared only once the work has started");
        DateRange period = new DateRange(command.periodStart(), command.periodEnd());
        check(period.to().isBefore(today(clock)), Rule.PERIOD_NOT_CLOSED,
                "a period can be settled only after it has ended; " + period.to() + " is not before today");
        requireNotAfterEnd(period.to());
        if (lastSettledEnd == null) {
            check(firstRecordingDate == null || !period.from().isAfter(firstRecordingDate),
                    Rule.PERIOD_STARTS_AFTER_FIRST_RECORDING,
                    "the first period must start on or before the first recording, " + firstRecordingDate);
        } else {
            check(period.from().isAfter(lastSettledEnd), Rule.PERIOD_ALREADY_SETTLED,
                    "gain was already shared up to " + lastSettledEnd);
            check(period.from().equals(lastSettledEnd.plusDays(1)), Rule.PERIOD_NOT_CONTIGUOUS,
                    "the next period must start on " + lastSettledEnd.plusDays(1));
        }
        SettlementCalendar calendar = new SettlementCalendar(gainShare.settlementPeriod(), startedOn, endedOn);
        DateRange next = calendar.next(lastSettledEnd, firstRecordingDate);
        check(calendar.accepts(period, lastSettledEnd, firstRecordingDate), Rule.PERIOD_NOT_A_SETTLEMENT_PERIOD,
                "the terms settle " + calendar.describe() + ": the next period to settle is " + next.from() + " to "
                        + next.to());
        List<Measurement> inPeriod = recordings.values().stream().filter(m -> period.contains(m.date())).toList();
        GainShareBreakdown breakdown = GainShareSettlement.settle(baseline.values(), inPeriod, gainShare,
                carriedDeficit, sharedSoFar(), currency);
        GainSharedEvent event = new GainSharedEvent(id, command.statementId(), period.from(), period.to(), breakdown);
        apply(event);
        return event;
    }

    @CommandHandler
    public void handle(ConfirmGainShareCommand command) {
        requireStatement(command.statementId(), StatementStatus.SETTLED, Rule.STATEMENT_NOT_SETTLED);
        apply(new GainShareConfirmedEvent(id, command.statementId()));
    }

    @CommandHandler
    public void handle(DisputeGainShareCommand command) {
        requireStatement(command.statementId(), StatementStatus.SETTLED, Rule.STATEMENT_NOT_SETTLED);
        apply(new GainShareDisputedEvent(id, command.statementId(), command.reason()));
    }

    @CommandHandler
    public void handle(ResolveGainShareCommand command) {
        Statement statement = requireStatement(command.statementId(), StatementStatus.DISPUTED,
                Rule.STATEMENT_NOT_DISPUTED);
        requireCurrency(command.supplierShare());
        requireNotNegative(command.supplierShare());
        check(command.supplierShare().amount().compareTo(statement.shareableGain().amount()) <= 0,
                Rule.RESOLUTION_EXCEEDS_SHAREABLE_GAIN,
                "the supplier share cannot exceed the period's shareable gain, " + statement.shareableGain());
        apply(new GainShareResolvedEvent(id, command.statementId(), statement.supplierShare(),
                command.supplierShare(), command.note(), statement.shareableGain().minus(command.supplierShare())));
    }

    @CommandHandler
    public void handle(ChangeSubscriptionFeeCommand command) {
        requireNotEnded();
        check(model != null, Rule.TERMS_NOT_AGREED, "terms must be agreed before the fee can change");
        check(model.hasSubscription(), Rule.NO_SUBSCRIPTION_TERMS, "the " + model + " model has no subscription");
        requireCurrency(command.monthlyFee());
        requireNotNegative(command.monthlyFee());
        LocalDate start = startedOn != null ? startedOn : planned.from();
        check(!command.effectiveFrom().isBefore(start), Rule.DATE_BEFORE_START,
                "a fee change cannot take effect before the engagement's start, " + start
                        + "; change the terms instead while the work has not started");
        apply(new SubscriptionFeeChangedEvent(id, command.monthlyFee(), command.effectiveFrom()));
    }

    @CommandHandler
    public void handle(RecordPaymentCommand command, Clock clock) {
        requireCurrency(command.amount());
        check(command.amount().amount().signum() > 0, Rule.NEGATIVE_AMOUNT, "a payment must be above zero");
        check(!paymentReferences.contains(command.reference()), Rule.DUPLICATE_PAYMENT_REFERENCE,
                "a payment with reference " + command.reference() + " was already recorded");
        requireNotFuture(command.receivedOn(), clock);
        apply(new PaymentRecordedEvent(id, command.paymentId(), command.amount(), command.reference(),
                command.receivedOn()));
        List<String> order = new ArrayList<>();
        openInvoices.forEach((invoiceId, invoice) -> {
            if (invoice.number().equals(command.reference())) {
                order.add(0, invoiceId);
            } else {
                order.add(invoiceId);
            }
        });
        applyCredit(order, command.paymentId());
    }

    /**
     * Issues this engagement's invoice for {@code month}, if it has anything to invoice, under the number
     * {@code nextNumber} gives (asked only then), and settles it from the customer's credit, or (a credit
     * note) adds to the credit and settles older invoices with it. Null when there is nothing to invoice.
     */
    public InvoiceIssuedEvent issueInvoice(String invoiceId, YearMonth month, LocalDate today, Supplier<String> nextNumber) {
        List<InvoiceLine> lines = invoiceLines(month, today);
        if (lines.isEmpty()) {
            return null;
        }
        Money total = lines.stream().map(InvoiceLine::amount).reduce(Money.zero(currency), Money::plus);
        InvoiceIssuedEvent issued = new InvoiceIssuedEvent(id, invoiceId, nextNumber.get(),
                total.negative() ? DocumentType.CREDIT_NOTE : DocumentType.INVOICE, customerId, customerName, month, today,
                today.plusDays(paymentTermsDays), lines, total);
        apply(issued);
        applyCredit(new ArrayList<>(openInvoices.keySet()), null);
        return issued;
    }

    /**
     * The lines the invoice for {@code month} has if issued today; none when the month already has its
     * invoice or nothing is left to invoice. Subscription months not yet invoiced, statements agreed and not
     * yet invoiced whose period ended by the month's end, and for every month invoiced before, the difference
     * between its charge under today's facts and what was invoiced for it (a back-dated fee change).
     */
    private List<InvoiceLine> invoiceLines(YearMonth month, LocalDate today) {
        check(month.isBefore(YearMonth.from(today)), Rule.MONTH_NOT_ENDED,
                "an invoice is issued for a month that has ended; " + month + " has not");
        if (invoiceMonths.contains(month) || currency == null) {
            return List.of();
        }
        List<InvoiceLine> lines = new ArrayList<>();
        Map<YearMonth, DateRange> billed = new TreeMap<>();
        Map<YearMonth, Money> charges = new TreeMap<>();
        if (startedOn != null && !fees.isEmpty() && !YearMonth.from(startedOn).isAfter(month)) {
            LocalDate monthEnd = month.atEndOfMonth();
            DateRange active = new DateRange(startedOn, endedOn != null && endedOn.isBefore(monthEnd) ? endedOn : monthEnd);
            for (MonthlyCharge charge : SubscriptionProration.charges(fees, active)) {
                charges.put(charge.month(), charge.amount());
                billed.put(charge.month(), new DateRange(charge.month().atDay(1), charge.month().atEndOfMonth()).overlap(active));
            }
        }
        Set<YearMonth> months = new TreeSet<>(charges.keySet());
        invoicedCharges.keySet().stream().filter(m -> !m.isAfter(month)).forEach(months::add);
        for (YearMonth m : months) {
            Money charge = charges.getOrDefault(m, Money.zero(currency));
            Money invoiced = invoicedCharges.get(m);
            if (invoiced == null) {
                if (charge.amount().signum() != 0) {
                    DateRange days = billed.get(m);
                    lines.add(new InvoiceLine(InvoiceLine.Kind.SUBSCRIPTION, "Subscription " + m + ", " + days.days() + " of "
                            + m.lengthOfMonth() + " days", days.from(), days.to(), charge, null));
                }
            } else if (charge.amount().compareTo(invoiced.amount()) != 0) {
                lines.add(new InvoiceLine(InvoiceLine.Kind.ADJUSTMENT, "Adjustment to the subscription of " + m + ": "
                        + charge + " under today's terms, " + invoiced + " invoiced", m.atDay(1), m.atEndOfMonth(),
                        charge.minus(invoiced), null));
            }
        }
        statements.forEach((statementId, statement) -> {
            boolean agreed = statement.status() == StatementStatus.CONFIRMED || statement.status() == StatementStatus.RESOLVED;
            boolean periodInvoiced = !statement.period().to().isAfter(month.atEndOfMonth());
            if (agreed && periodInvoiced && !invoicedStatements.contains(statementId)
                    && statement.supplierShare().amount().signum() != 0) {
                lines.add(new InvoiceLine(InvoiceLine.Kind.GAIN_SHARE, "Gain share " + statement.period().from() + " to "
                        + statement.period().to() + (statement.status() == StatementStatus.RESOLVED ? ", as resolved" : ""),
                        statement.period().from(), statement.period().to(), statement.supplierShare(), statementId));
            }
        });
        return lines;
    }

    /** Settles open invoices, in the given order, from the credit on the account, as far as it goes. */
    private void applyCredit(List<String> invoiceIds, PaymentId paymentId) {
        for (String invoiceId : invoiceIds) {
            OpenInvoice invoice = openInvoices.get(invoiceId);
            if (invoice == null || credit.amount().signum() <= 0) {
                continue;
            }
            Money applied = credit.amount().compareTo(invoice.outstanding().amount()) < 0 ? credit : invoice.outstanding();
            apply(new PaymentAppliedEvent(id, invoiceId, paymentId, applied));
        }
    }

    @CommandHandler
    public void handle(CompleteEngagementCommand command, Clock clock) {
        requireNotEnded();
        check(status == EngagementStatus.ACTIVE, Rule.NOT_STARTED, "only a started engagement can be completed");
        requireEndDate(command.on(), clock);
        apply(new EngagementCompletedEvent(id, command.on(), command.summary()));
    }

    @CommandHandler
    public void handle(CancelEngagementCommand command, Clock clock) {
        requireNotEnded();
        requireEndDate(command.on(), clock);
        apply(new EngagementCancelledEvent(id, command.on(), command.reason()));
    }

    private void requireEndDate(LocalDate on, Clock clock) {
        requireNotFuture(on, clock);
        check(startedOn == null || !on.isBefore(startedOn), Rule.DATE_BEFORE_START,
                "the engagement cannot end before it started, " + startedOn);
        LocalDate lastFact = later(lastRecordingDate, lastSettledEnd);
        check(lastFact == null || !on.isBefore(lastFact), Rule.DATE_AFTER_END,
                "recordings or settlements run up to " + lastFact + ", after " + on);
    }

    private void requireNotEnded() {
        check(endedOn == null, Rule.ENGAGEMENT_ENDED, "the engagement is " + status.name().toLowerCase() + " since " + endedOn);
    }

    private void requireNotAfterEnd(LocalDate date) {
        check(endedOn == null || !date.isAfter(endedOn), Rule.DATE_AFTER_END,
                "the engagement ended on " + endedOn + "; " + date + " is after that");
    }

    private void requireUnsettled(LocalDate date) {
        check(lastSettledEnd == null || date.isAfter(lastSettledEnd), Rule.RECORDING_IN_SETTLED_PERIOD,
                "gain was already shared up to " + lastSettledEnd + "; recordings on or before it are final");
    }

    private static void requireNotFuture(LocalDate date, Clock clock) {
        check(!date.isAfter(today(clock)), Rule.DATE_IN_FUTURE, date + " is in the future");
    }

    private BaselineMetric requireMetric(MetricId metricId) {
        check(baseline != null, Rule.BASELINE_NOT_CAPTURED, "the baseline has not been captured yet");
        BaselineMetric metric = baseline.get(metricId);
        check(metric != null, Rule.METRIC_NOT_FOUND, "the baseline has no metric " + metricId);
        return metric;
    }

    private static void requireAllowed(BaselineMetric metric, BigDecimal value) {
        check(metric.allows(value), Rule.VALUE_OUT_OF_RANGE, "metric " + metric.metricId() + " takes values "
                + metric.range() + "; " + value.toPlainString() + " is outside");
    }

    private Statement requireStatement(StatementId statementId, StatementStatus required, Rule rule) {
        Statement statement = statements.get(statementId);
        check(statement != null, Rule.STATEMENT_NOT_FOUND, "there is no statement " + statementId);
        check(statement.status() == required, rule,
                "the statement is " + statement.status() + "; this needs it " + required);
        return statement;
    }

    private void requireCurrency(Money money) {
        check(money == null || money.isIn(currency), Rule.CURRENCY_MISMATCH,
                "the engagement is in " + currency + ", not " + (money == null ? null : money.currency()));
    }

    private static void requireNotNegative(Money money) {
        check(!money.negative(), Rule.NEGATIVE_AMOUNT, "the amount cannot be negative");
    }

    private Money sharedSoFar() {
        return statements.values().stream().map(Statement::supplierShare).reduce(Money.zero(currency), Money::plus);
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    @EventSourcingHandler
    void on(EngagementOpenedEvent event) {
        id = event.engagementId();
        currency = event.currency();
        credit = Money.zero(currency);
        customerId = event.customerId();
        customerName = event.customerName();
        planned = new DateRange(event.plannedStart(), event.plannedEnd());
        status = EngagementStatus.OPENED;
    }

    @EventSourcingHandler
    void on(PlanChangedEvent event) {
        planned = new DateRange(event.plannedStart(), event.plannedEnd());
    }

    @EventSourcingHandler
    void on(TermsAgreedEvent event) {
        model = event.model();
        gainShare = event.gainShare();
        paymentTermsDays = event.paymentTermsDaysOrDefault();
        if (event.subscription() != null) {
            fees.add(new Fee(LocalDate.MIN, event.subscription().monthlyFee()));
        }
    }

    @EventSourcingHandler
    void on(BaselineCapturedEvent event) {
        baseline = new LinkedHashMap<>();
        event.metrics().forEach(metric -> baseline.put(metric.metricId(), metric));
    }

    @EventSourcingHandler
    void on(BaselineAdjustedEvent event) {
        baseline.computeIfPresent(event.metricId(), (metricId, metric) -> metric.withBaselineValue(event.baselineValue()));
    }

    @EventSourcingHandler
    void on(PersonAssignedEvent event) {
        assignments.put(event.personId(), new DateRange(event.from(), event.to()));
    }

    @EventSourcingHandler
    void on(PersonReleasedEvent event) {
        assignments.remove(event.personId());
    }

    @EventSourcingHandler
    void on(EngagementStartedEvent event) {
        status = EngagementStatus.ACTIVE;
        startedOn = event.on();
    }

    @EventSourcingHandler
    void on(MetricRecordedEvent event) {
        recordings.put(event.recordingId(),
                new Measurement(event.metricId(), event.date(), recordingSequence++, event.value()));
        firstRecordingDate = firstRecordingDate == null || event.date().isBefore(firstRecordingDate)
                ? event.date() : firstRecordingDate;
        lastRecordingDate = later(lastRecordingDate, event.date());
        if (event.externalId() != null) {
            externalIds.add(externalKey(event.metricId(), event.externalId()));
        }
    }

    @EventSourcingHandler
    void on(MetricCorrectedEvent event) {
        recordings.computeIfPresent(event.recordingId(),
                (recordingId, m) -> new Measurement(m.metricId(), m.date(), m.sequence(), event.value()));
    }

    @EventSourcingHandler
    void on(GainSharedEvent event) {
        GainShareBreakdown breakdown = event.breakdown();
        lastSettledEnd = event.periodEnd();
        carriedDeficit = breakdown.deficitAfter();
        recordings.values().removeIf(recording -> !recording.date().isAfter(lastSettledEnd));
        statements.put(event.statementId(), new Statement(StatementStatus.SETTLED, breakdown.supplierShare(),
                breakdown.figures().shareableGain(), new DateRange(event.periodStart(), event.periodEnd())));
    }

    @EventSourcingHandler
    void on(GainShareConfirmedEvent event) {
        statements.computeIfPresent(event.statementId(),
                (statementId, s) -> s.with(StatementStatus.CONFIRMED, s.supplierShare()));
    }

    @EventSourcingHandler
    void on(GainShareDisputedEvent event) {
        statements.computeIfPresent(event.statementId(),
                (statementId, s) -> s.with(StatementStatus.DISPUTED, s.supplierShare()));
    }

    @EventSourcingHandler
    void on(GainShareResolvedEvent event) {
        statements.computeIfPresent(event.statementId(),
                (statementId, s) -> s.with(StatementStatus.RESOLVED, event.supplierShare()));
    }

    @EventSourcingHandler
    void on(SubscriptionFeeChangedEvent event) {
        fees.add(new Fee(event.effectiveFrom(), event.monthlyFee()));
    }

    @EventSourcingHandler
    void on(PaymentRecordedEvent event) {
        paymentReferences.add(event.reference());
        credit = credit.plus(event.amount());
    }

    @EventSourcingHandler
    void on(InvoiceIssuedEvent event) {
        invoiceMonths.add(event.month());
        for (InvoiceLine line : event.lines()) {
            if (line.kind() == InvoiceLine.Kind.GAIN_SHARE) {
                invoicedStatements.add(line.statementId());
            } else {
                invoicedCharges.merge(YearMonth.from(line.periodStart()), line.amount(), Money::plus);
            }
        }
        if (event.total().negative()) {
            credit = credit.minus(event.total());
        } else if (event.total().amount().signum() > 0) {
            openInvoices.put(event.invoiceId(), new OpenInvoice(event.number(), event.total()));
        }
    }

    @EventSourcingHandler
    void on(PaymentAppliedEvent event) {
        credit = credit.minus(event.amount());
        openInvoices.computeIfPresent(event.invoiceId(), (invoiceId, invoice) -> {
            Money outstanding = invoice.outstanding().minus(event.amount());
            return outstanding.amount().signum() > 0 ? new OpenInvoice(invoice.number(), outstanding) : null;
        });
    }

    @EventSourcingHandler
    void on(EngagementCompletedEvent event) {
        status = EngagementStatus.COMPLETED;
        endedOn = event.on();
    }

    @EventSourcingHandler
    void on(EngagementCancelledEvent event) {
        status = EngagementStatus.CANCELLED;
        endedOn = event.on();
    }
}
