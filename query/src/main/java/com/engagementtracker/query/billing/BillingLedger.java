package com.engagementtracker.query.billing;

import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.SubscriptionProration.Fee;
import com.engagementtracker.api.SubscriptionProration.MonthlyCharge;
import com.engagementtracker.api.SubscriptionProration;
import com.engagementtracker.api.queries.Costs;
import com.engagementtracker.api.queries.EngagementMargin;
import com.engagementtracker.api.queries.EngagementMoney;
import com.engagementtracker.api.queries.GainShareStatement;
import com.engagementtracker.api.queries.Margins;
import com.engagementtracker.api.queries.Reconciliation;
import com.engagementtracker.api.queries.SubscriptionCharges;
import com.engagementtracker.query.Decimals;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What each engagement billed and was paid, computed from the billing tables on demand because it
 * depends on today: a month is billed once it has begun. Billed = subscription charges of the months
 * begun so far plus confirmed or resolved gain-share statements (in the month their period ends); paid
 * = payments (in the month received). Money is only ever added within one engagement's currency.
 */
public final class BillingLedger {

    /** engagements read at once when reconciling them all */
    private static final int CHUNK = 500;

    private final EntityManager entityManager;
    private final LocalDate today;

    public BillingLedger(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.today = LocalDate.now(clock);
    }

    /** What one month billed (accrued), received, and invoiced. */
    record Month(Money billed, Money paid, Money invoiced) {

        Month bill(Money amount) {
            return new Month(billed.plus(amount), paid, invoiced);
        }

        Month pay(Money amount) {
            return new Month(billed, paid.plus(amount), invoiced);
        }

        Month invoice(Money amount) {
            return new Month(billed, paid, invoiced.plus(amount));
        }

        Month plus(Month other) {
            return new Month(billed.plus(other.billed), paid.plus(other.paid), invoiced.plus(other.invoiced));
        }

        Money outstanding() {
            return billed.minus(paid);
        }
    }

    /** What billing needs of a statement, read without its breakdown. */
    record Share(String engagementId, LocalDate periodEnd, StatementStatus status, BigDecimal supplierShare) {

        boolean billed() {
            return status == StatementStatus.CONFIRMED || status == StatementStatus.RESOLVED;
        }
    }

    /** A payment as billing needs it. */
    record Paid(String engagementId, BigDecimal amount, LocalDate receivedOn) {
    }

    /** An issued invoice as billing needs it: its month and total. */
    record Invoiced(String engagementId, YearMonth month, BigDecimal total) {
    }

    /** An engagement as billing needs it. */
    record Engagement(String id, String customerName, String currency, BigDecimal agreedFee, LocalDate startedOn,
                      LocalDate endedOn) {
    }

    /** A change of the monthly fee, in the order the changes were made. */
    record FeeChange(LocalDate effectiveFrom, BigDecimal monthlyFee, long sequence) {
    }

    /** One engagement's billing facts, and what follows from them. */
    record Account(Engagement engagement, List<FeeChange> feeChanges, List<Share> shares,
                   List<Paid> payments, List<Invoiced> invoices, LocalDate today) {

        Currency currency() {
            return Currency.getInstance(engagement.currency());
        }

        Money money(BigDecimal amount) {
            return new Money(amount, currency());
        }

        List<MonthlyCharge> charges() {
            if (engagement.agreedFee() == null || engagement.startedOn() == null) {
                return List.of();
            }
            LocalDate lastBegunMonthEnd = YearMonth.from(today).atEndOfMonth();
            LocalDate end = engagement.endedOn() != null && engagement.endedOn().isBefore(lastBegunMonthEnd)
                    ? engagement.endedOn() : lastBegunMonthEnd;
            List<Fee> fees = new ArrayList<>();
            // the agreed fee holds from the first billed day; every later change overrides it from its date
            fees.add(new Fee(LocalDate.MIN, money(engagement.agreedFee())));
            feeChanges.stream().sorted(Comparator.comparingLong(FeeChange::sequence))
                    .forEach(change -> fees.add(new Fee(change.effectiveFrom(), money(change.monthlyFee()))));
            return SubscriptionProration.charges(fees, new DateRange(engagement.startedOn(), end));
        }

        /** The subscription charged for each month begun. */
        Map<YearMonth, Money> subscriptionByMonth() {
            Map<YearMonth, Money> charged = new TreeMap<>();
            charges().forEach(charge -> charged.merge(charge.month(), charge.amount(), Money::plus));
            return charged;
        }

        /** The supplier shares billed (agreed statements), each in the month its period ends. */
        Map<YearMonth, Money> gainShareByMonth() {
            Map<YearMonth, Money> shared = new TreeMap<>();
            shares.stream().filter(Share::billed).forEach(share ->
                    shared.merge(YearMonth.from(share.periodEnd()), money(share.supplierShare()), Money::plus));
            return shared;
        }

        /** Billed and paid per month, for every month with either. */
        Map<YearMonth, Month> months() {
            Map<YearMonth, Month> months = new TreeMap<>();
            Month none = new Month(Money.zero(currency()), Money.zero(currency()), Money.zero(currency()));
            subscriptionByMonth().forEach((month, charged) -> months.merge(month, none.bill(charged), Month::plus));
            gainShareByMonth().forEach((month, shared) -> months.merge(month, none.bill(shared), Month::plus));
            for (Paid payment : payments) {
                months.merge(YearMonth.from(payment.receivedOn()), none.pay(money(payment.amount())), Month::plus);
            }
            for (Invoiced invoice : invoices) {
                months.merge(invoice.month(), none.invoice(money(invoice.total())), Month::plus);
            }
            return months;
        }

        EngagementMoney.Entry totals() {
            Money zero = Money.zero(currency());
            Money gain = shares.stream().map(share -> money(share.supplierShare())).reduce(zero, Money::plus);
            Month total = months().values().stream().reduce(new Month(zero, zero, zero), Month::plus);
            return new EngagementMoney.Entry(new EngagementId(engagement.id()), gain, total.billed(), total.paid(),
                    total.outstanding(), total.invoiced());
        }
    }

    /** The money to date of these engagements (those the billing read model knows). */
    public EngagementMoney money(List<EngagementId> engagementIds) {
        List<String> ids = engagementIds.stream().map(EngagementId::value).toList();
        List<EngagementMoney.Entry> entries = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            accounts(ids.subList(from, Math.min(ids.size(), from + CHUNK))).forEach(account -> entries.add(account.totals()));
        }
        return new EngagementMoney(entries);
    }

    public Optional<SubscriptionCharges> charges(EngagementId engagementId) {
        return account(engagementId).map(account -> new SubscriptionCharges(account.charges().stream()
                .map(c -> new SubscriptionCharges.Charge(c.month(), c.amount(), c.days(), c.daysInMonth()))
                .toList()));
    }

    public List<GainShareStatement> statements(EngagementId engagementId) {
        return statementRows("where s.engagementId = :id", Map.of("id", engagementId.value())).stream()
                .map(StatementRow::statement).toList();
    }

    /**
     * Every engagement's lines, for one month or (month null) for every month up to today. Engagements are
     * read a chunk at a time, so that only the lines stay in memory, however many engagements there are.
     */
    public Reconciliation reconciliation(YearMonth month) {
        List<Reconciliation.Line> lines = new ArrayList<>();
        List<String> ids = entityManager.createQuery("select e.id from BillingEngagementRow e", String.class)
                .getResultList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            for (Account account : accounts(ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
                account.months().forEach((lineMonth, amounts) -> {
                    if (month == null || month.equals(lineMonth)) {
                        lines.add(new Reconciliation.Line(new EngagementId(account.engagement().id()),
                                account.engagement().customerName(), account.currency(), lineMonth, amounts.billed(),
                                amounts.paid(), amounts.outstanding(), amounts.invoiced()));
                    }
                });
            }
        }
        lines.sort(Comparator.comparing(Reconciliation.Line::month)
                .thenComparing(line -> line.customerName().toLowerCase())
                .thenComparing(line -> line.engagementId().value()));
        Map<Currency, Reconciliation.Total> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        for (Reconciliation.Line line : lines) {
            totals.merge(line.currency(),
                    new Reconciliation.Total(line.currency(), line.billed(), line.paid(), line.outstanding(), line.invoiced()),
                    (a, b) -> new Reconciliation.Total(a.currency(), a.billed().plus(b.billed()),
                            a.paid().plus(b.paid()), a.outstanding().plus(b.outstanding()), a.invoiced().plus(b.invoiced())));
        }
        return new Reconciliation(lines, List.copyOf(totals.values()));
    }

    /**
     * One engagement's revenue, cost and margin per month: revenue is the month's subscription charge and the supplier
     * shares agreed (confirmed or resolved) for periods ending in it, as billed; {@code costs} are its people's.
     */
    public Optional<EngagementMargin> margin(EngagementId engagementId, List<Costs.Cost> costs) {
        return account(engagementId).map(account -> {
            Money zero = Money.zero(account.currency());
            Map<YearMonth, Money> subscription = account.subscriptionByMonth();
            Map<YearMonth, Money> gainShare = account.gainShareByMonth();
            Map<YearMonth, List<Costs.Cost>> costed = costs.stream().collect(Collectors.groupingBy(Costs.Cost::month));
            Set<YearMonth> months = new TreeSet<>(subscription.keySet());
            months.addAll(gainShare.keySet());
            months.addAll(costed.keySet());
            List<EngagementMargin.Month> lines = new ArrayList<>();
            for (YearMonth month : months) {
                Money revenue = subscription.getOrDefault(month, zero).plus(gainShare.getOrDefault(month, zero));
                List<Costs.Cost> monthCosts = costed.getOrDefault(month, List.of());
                Money cost = monthCosts.stream().map(Costs.Cost::amount).reduce(zero, Money::plus);
                Money margin = revenue.minus(cost);
                lines.add(new EngagementMargin.Month(month, subscription.getOrDefault(month, zero), gainShare.getOrDefault(month, zero),
                        revenue, monthCosts.stream().map(c -> new EngagementMargin.OrganisationCost(c.organisationKind(),
                        c.organisationName(), c.personDays(), c.amount(), c.unpricedPersonDays())).toList(), cost, margin,
                        Decimals.percentOf(margin.amount(), revenue.amount())));
            }
            return new EngagementMargin(engagementId, account.currency(), lines);
        });
    }

    /**
     * Every engagement with revenue or cost in the month, and every organisation that worked in it. An organisation's
     * revenue is each of its engagements' revenue of the month times its share of that engagement's person-days.
     */
    public Margins margins(YearMonth month, List<Costs.Cost> costs) {
        Map<String, List<Costs.Cost>> costed = costs.stream().collect(Collectors.groupingBy(c -> c.engagementId().value()));
        List<String> ids = entityManager.createQuery("select e.id from BillingEngagementRow e", String.class).getResultList();
        List<Margins.EngagementLine> engagements = new ArrayList<>();
        record Organisation(OrganisationKind kind, String name, Currency currency) {
        }
        Map<Organisation, Margins.OrganisationLine> organisations = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            for (Account account : accounts(ids.subList(from, Math.min(ids.size(), from + CHUNK)))) {
                Money zero = Money.zero(account.currency());
                Money revenue = Optional.ofNullable(account.months().get(month)).map(Month::billed).orElse(zero);
                List<Costs.Cost> own = costed.getOrDefault(account.engagement().id(), List.of());
                Money cost = own.stream().map(Costs.Cost::amount).reduce(zero, Money::plus);
                if (revenue.amount().signum() == 0 && own.isEmpty()) {
                    continue;
                }
                Money margin = revenue.minus(cost);
                engagements.add(new Margins.EngagementLine(new EngagementId(account.engagement().id()),
                        account.engagement().customerName(), revenue, cost, margin, Decimals.percentOf(margin.amount(), revenue.amount())));
                BigDecimal personDays = own.stream().map(Costs.Cost::personDays).reduce(BigDecimal.ZERO, BigDecimal::add);
                for (Costs.Cost part : own) {
                    Money attributed = personDays.signum() == 0 ? zero : Money.rounded(revenue.amount().multiply(part.personDays())
                            .divide(personDays, MathContext.DECIMAL128), account.currency());
                    Margins.OrganisationLine line = new Margins.OrganisationLine(part.organisationKind(), part.organisationName(),
                            part.personDays(), part.amount(), attributed, attributed.minus(part.amount()), part.unpricedPersonDays());
                    organisations.merge(new Organisation(part.organisationKind(), part.organisationName(), account.currency()), line,
                            (a, b) -> new Margins.OrganisationLine(a.organisationKind(), a.organisationName(),
                                    a.personDays().add(b.personDays()), a.cost().plus(b.cost()),
                                    a.attributedRevenue().plus(b.attributedRevenue()), a.margin().plus(b.margin()),
                                    a.unpricedPersonDays().add(b.unpricedPersonDays())));
                }
            }
        }
        engagements.sort(Comparator.comparing((Margins.EngagementLine line) -> line.customerName().toLowerCase())
                .thenComparing(line -> line.engagementId().value()));
        List<Margins.OrganisationLine> byOrganisation = new ArrayList<>(organisations.values());
        byOrganisation.sort(Comparator.comparing(Margins.OrganisationLine::organisationKind)
                .thenComparing(line -> Objects.toString(line.organisationName(), "")));
        return new Margins(month, engagements, byOrganisation);
    }

    private Optional<Account> account(EngagementId engagementId) {
        return accounts(List.of(engagementId.value())).stream().findFirst();
    }

    /**
     * The accounts of these engagements from one statement over the five billing tables: each row of the union
     * is (kind, engagement, text, text, amount, date, date, sequence), its kind saying which table it comes from.
     */
    private List<Account> accounts(List<String> ids) {
        List<Object[]> facts = entityManager.createQuery("""
                        select 0, e.id, e.customerName, e.currency, e.agreedFee, e.startedOn, e.endedOn, cast(null as Long)
                          from BillingEngagementRow e where e.id in :ids
                        union all
                        select 1, f.engagementId, cast(null as String), cast(null as String), f.monthlyFee, f.effectiveFrom,
                               cast(null as LocalDate), f.sequence
                          from FeeChangeRow f where f.engagementId in :ids
                        union all
                        select 2, s.engagementId, cast(s.status as String), cast(null as String), s.supplierShare, s.periodEnd,
                               cast(null as LocalDate), cast(null as Long)
                          from StatementRow s where s.engagementId in :ids
                        union all
                        select 3, p.engagementId, cast(null as String), cast(null as String), p.amount, p.receivedOn,
                               cast(null as LocalDate), cast(null as Long)
                          from PaymentRow p where p.engagementId in :ids
                        union all
                        select 4, i.engagementId, i.month, cast(null as String), i.total, cast(null as LocalDate),
                               cast(null as LocalDate), cast(null as Long)
                          from BillingInvoiceRow i where i.engagementId in :ids""", Object[].class)
                .setParameter("ids", ids).getResultList();
        List<Engagement> engagements = new ArrayList<>();
        Map<String, List<FeeChange>> fees = new HashMap<>();
        Map<String, List<Share>> shares = new HashMap<>();
        Map<String, List<Paid>> payments = new HashMap<>();
        Map<String, List<Invoiced>> invoices = new HashMap<>();
        for (Object[] fact : facts) {
            String engagementId = (String) fact[1];
            BigDecimal amount = (BigDecimal) fact[4];
            LocalDate date = (LocalDate) fact[5];
            switch (((Number) fact[0]).intValue()) {
                case 0 -> engagements.add(new Engagement(engagementId, (String) fact[2], (String) fact[3], amount, date,
                        (LocalDate) fact[6]));
                case 1 -> fees.computeIfAbsent(engagementId, id -> new ArrayList<>())
                        .add(new FeeChange(date, amount, ((Number) fact[7]).longValue()));
                case 2 -> shares.computeIfAbsent(engagementId, id -> new ArrayList<>())
                        .add(new Share(engagementId, date, StatementStatus.valueOf((String) fact[2]), amount));
                case 3 -> payments.computeIfAbsent(engagementId, id -> new ArrayList<>()).add(new Paid(engagementId, amount, date));
                default -> invoices.computeIfAbsent(engagementId, id -> new ArrayList<>())
                        .add(new Invoiced(engagementId, YearMonth.parse((String) fact[2]), amount));
            }
        }
        return engagements.stream()
                .map(e -> new Account(e, fees.getOrDefault(e.id(), List.of()), shares.getOrDefault(e.id(), List.of()),
                        payments.getOrDefault(e.id(), List.of()), invoices.getOrDefault(e.id(), List.of()), today))
                .toList();
    }

    private List<StatementRow> statementRows(String where, Map<String, Object> parameters) {
        var query = entityManager.createQuery("from StatementRow s " + where + " order by s.periodStart", StatementRow.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
