package com.engagementtracker.command;

import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.CapApplied;
import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.InvalidValue;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.Rule;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.events.BaselineAdjustedEvent;
import com.engagementtracker.api.events.BaselineCapturedEvent;
import com.engagementtracker.api.SettlementPeriod;
import com.engagementtracker.api.events.EngagementCancelledEvent;
import com.engagementtracker.api.events.EngagementCompletedEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.EngagementStartedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.engagementtracker.api.events.GainShareConfirmedEvent;
import com.engagementtracker.api.events.GainShareDisputedEvent;
import com.engagementtracker.api.events.GainShareResolvedEvent;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.api.events.MetricCorrectedEvent;
import com.engagementtracker.api.events.MetricRecordedEvent;
import com.engagementtracker.command.GainShareSettlement.Measurement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An engagement's recorded history settled again under other gain-share terms, storing nothing: per period, the
 * statement actually settled (if any) beside the one the other terms would have given. It runs the engagement's own
 * settlement ({@link GainShareSettlement}) on the inputs the engagement had: the baseline, the recordings dated in the
 * period with their corrections, and the deficit and shares carried from the periods before. Up to the first simulated
 * period everything is as it happened (the deficit carried out of the last statement before it, the shares agreed
 * so far); from there on, the simulated periods carry their own deficit and shares.
 * <p>
 * So the agreed terms over the settled periods give the statements to the cent, unless a dispute was resolved at
 * another share: the actual periods after it carry the agreed share, which no terms can foresee.
 */
public final class TermsSimulation {

    /** The figures of one settlement, rounded once ({@link Money#rounded}), as a reader shows them. */
    public record Figures(Money grossGain, Money deficitCarriedIn, Money shareableGain, CapApplied capApplied,
                          Money supplierShare, Money customerShare, Money deficitCarriedOut) {

        public static Figures of(GainShareBreakdown breakdown) {
            Currency currency = breakdown.supplierShare().currency();
            return new Figures(breakdown.figures().grossGain(), Money.rounded(breakdown.deficitBefore(), currency),
                    breakdown.figures().shareableGain(), breakdown.capApplied(), breakdown.supplierShare(),
                    breakdown.customerShare(), breakdown.figures().carriedDeficit());
        }
    }

    /** A statement as it was settled, where it stands, and the shares finally agreed (another after a resolved dispute). */
    public record Actual(StatementId statementId, StatementStatus status, Figures settled, Money agreedSupplierShare,
                         Money agreedCustomerShare) {
    }

    /** One period: the statement settled for exactly this period, if any, and the simulated one. */
    public record Period(LocalDate periodStart, LocalDate periodEnd, Actual actual, Figures simulated) {
    }

    /** What the supplier and the customer get over the periods: actual ones count the shares finally agreed. */
    public record Totals(Money supplierShare, Money customerShare) {
    }

    public record Result(Currency currency, GainShareTerms terms, List<Period> periods, Totals actual, Totals simulated) {
    }

    /** A settled statement as it stands now. */
    private record Statement(StatementId id, DateRange period, GainShareBreakdown breakdown, StatementStatus status,
                             Money agreedSupplierShare, Money agreedCustomerShare) {

        Statement with(StatementStatus newStatus, Money supplierShare, Money customerShare) {
            return new Statement(id, period, breakdown, newStatus, supplierShare, customerShare);
        }

        Actual actual() {
            return new Actual(id, status, Figures.of(breakdown), agreedSupplierShare, agreedCustomerShare);
        }
    }

    private Currency currency;
    private SettlementPeriod agreedCadence;
    private LocalDate startedOn;
    private LocalDate endedOn;
    private Map<MetricId, BaselineMetric> baseline;
    private final Map<RecordingId, Measurement> recordings = new LinkedHashMap<>();
    private final Map<StatementId, Statement> statements = new LinkedHashMap<>();

    private TermsSimulation() {
    }

    /**
     * @param events  the engagement's events in their order (payloads), from its first
     * @param periods the periods to settle, in order; null for the settled ones
     * @param today   only periods ended before it can be settled
     */
    public static Result simulate(List<?> events, GainShareTerms terms, List<DateRange> periods, LocalDate today) {
        TermsSimulation history = new TermsSimulation();
        events.forEach(history::apply);
        return history.run(terms, periods, today);
    }

    private void apply(Object event) {
        if (event instanceof EngagementOpenedEvent e) {
            currency = e.currency();
        } else if (event instanceof TermsAgreedEvent e) {
            agreedCadence = e.gainShare() == null ? null : e.gainShare().settlementPeriod();
        } else if (event instanceof EngagementStartedEvent e) {
            startedOn = e.on();
        } else if (event instanceof EngagementCompletedEvent e) {
            endedOn = e.on();
        } else if (event instanceof EngagementCancelledEvent e) {
            endedOn = e.on();
        } else if (event instanceof BaselineCapturedEvent e) {
            baseline = new LinkedHashMap<>();
            e.metrics().forEach(metric -> baseline.put(metric.metricId(), metric));
        } else if (event instanceof BaselineAdjustedEvent e) {
            baseline.computeIfPresent(e.metricId(), (id, metric) -> metric.withBaselineValue(e.baselineValue()));
        } else if (event instanceof MetricRecordedEvent e) {
            // the engagement numbers its recordings in the same order: it orders two recordings of one date
            recordings.put(e.recordingId(), new Measurement(e.metricId(), e.date(), recordings.size(), e.value()));
        } else if (event instanceof MetricCorrectedEvent e) {
            recordings.computeIfPresent(e.recordingId(), (id, m) -> new Measurement(m.metricId(), m.date(), m.sequence(), e.value()));
        } else if (event instanceof GainSharedEvent e) {
            GainShareBreakdown breakdown = e.breakdown();
            statements.put(e.statementId(), new Statement(e.statementId(), new DateRange(e.periodStart(), e.periodEnd()),
                    breakdown, StatementStatus.SETTLED, breakdown.supplierShare(), breakdown.customerShare()));
        } else if (event instanceof GainShareConfirmedEvent e) {
            statements.computeIfPresent(e.statementId(), (id, s) -> s.with(StatementStatus.CONFIRMED,
                    s.agreedSupplierShare(), s.agreedCustomerShare()));
        } else if (event instanceof GainShareDisputedEvent e) {
            statements.computeIfPresent(e.statementId(), (id, s) -> s.with(StatementStatus.DISPUTED,
                    s.agreedSupplierShare(), s.agreedCustomerShare()));
        } else if (event instanceof GainShareResolvedEvent e) {
            // events stored before the customer's share travelled with them: what the engagement decided it to be
            statements.computeIfPresent(e.statementId(), (id, s) -> s.with(StatementStatus.RESOLVED, e.supplierShare(),
                    e.customerShare() != null ? e.customerShare() : s.breakdown().figures().shareableGain().minus(e.supplierShare())));
        }
    }

    private Result run(GainShareTerms terms, List<DateRange> requested, LocalDate today) {
        if (currency == null) {
            throw new RuleViolationException(Rule.ENGAGEMENT_NOT_FOUND, "no such engagement");
        }
        if (baseline == null) {
            throw new RuleViolationException(Rule.BASELINE_NOT_CAPTURED, "there is no baseline to measure gain against");
        }
        requireCurrency("gainShare.hurdle", terms.hurdle());
        requireCurrency("gainShare.periodCap", terms.periodCap());
        requireCurrency("gainShare.lifetimeCap", terms.lifetimeCap());
        SettlementCalendar calendar = new SettlementCalendar(terms.settlementPeriod(), startedOn, endedOn);
        if (requested == null && !statements.isEmpty() && terms.settlementPeriod() != agreedCadence) {
            throw new InvalidValue("periods", "name the periods to simulate: the terms tried settle "
                    + calendar.describe() + ", unlike the settled periods");
        }
        List<DateRange> periods = requested == null
                ? statements.values().stream().map(Statement::period).toList()
                : checked(requested, today, calendar);

        BigDecimal deficit = BigDecimal.ZERO;
        Money shared = Money.zero(currency);
        if (!periods.isEmpty()) {
            for (Statement before : statements.values()) {
                if (before.period().to().isBefore(periods.get(0).from())) {
                    deficit = before.breakdown().deficitAfter();
                    shared = shared.plus(before.agreedSupplierShare());
                }
            }
        }
        List<Period> result = new ArrayList<>();
        Money actualSupplier = Money.zero(currency);
        Money actualCustomer = Money.zero(currency);
        Money simulatedSupplier = Money.zero(currency);
        Money simulatedCustomer = Money.zero(currency);
        for (DateRange period : periods) {
            List<Measurement> inPeriod = recordings.values().stream().filter(m -> period.contains(m.date())).toList();
            GainShareBreakdown simulated = GainShareSettlement.settle(baseline.values(), inPeriod, terms, deficit, shared, currency);
            deficit = simulated.deficitAfter();
            shared = shared.plus(simulated.supplierShare());
            simulatedSupplier = simulatedSupplier.plus(simulated.supplierShare());
            simulatedCustomer = simulatedCustomer.plus(simulated.customerShare());
            Actual actual = statements.values().stream().filter(s -> s.period().equals(period)).findFirst()
                    .map(Statement::actual).orElse(null);
            if (actual != null) {
                actualSupplier = actualSupplier.plus(actual.agreedSupplierShare());
                actualCustomer = actualCustomer.plus(actual.agreedCustomerShare());
            }
            result.add(new Period(period.from(), period.to(), actual, Figures.of(simulated)));
        }
        return new Result(currency, terms, result, new Totals(actualSupplier, actualCustomer),
                new Totals(simulatedSupplier, simulatedCustomer));
    }

    /**
     * Requested periods: closed, each one period of the terms' cadence, one after the other, the first starting where a
     * statement starts or after them all.
     */
    private List<DateRange> checked(List<DateRange> periods, LocalDate today, SettlementCalendar calendar) {
        if (periods.isEmpty()) {
            throw new InvalidValue("periods", "name at least one period, or leave periods out to simulate the settled ones");
        }
        for (int i = 0; i < periods.size(); i++) {
            DateRange period = periods.get(i);
            if (!period.to().isBefore(today)) {
                throw new InvalidValue("periods[" + i + "].periodEnd", "must be before today, " + today
                        + ": only a closed period can be settled");
            }
            if (!calendar.isPeriod(period)) {
                throw new InvalidValue("periods[" + i + "]." + (calendar.begins(period.from()) ? "periodEnd" : "periodStart"),
                        "the terms settle "
                        + calendar.describe() + "; " + period.from() + " to " + period.to() + " is not one such period");
            }
            if (i > 0 && !period.from().equals(periods.get(i - 1).to().plusDays(1))) {
                throw new InvalidValue("periods[" + i + "].periodStart", "must be " + periods.get(i - 1).to().plusDays(1)
                        + ", the day after the period before it: periods are contiguous");
            }
        }
        LocalDate start = periods.get(0).from();
        for (Statement statement : statements.values()) {
            if (statement.period().contains(start) && !statement.period().from().equals(start)) {
                throw new InvalidValue("periods[0].periodStart", "falls inside the settled period " + statement.period().from()
                        + " to " + statement.period().to() + "; start on its first day or after it");
            }
        }
        return periods;
    }

    private void requireCurrency(String field, Money amount) {
        if (amount != null && !Objects.equals(amount.currency(), currency)) {
            throw new InvalidValue(field, "must be in " + currency + ", the engagement's currency");
        }
    }
}
