package com.engagementtracker.app;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BaselineMetric;
import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.PaymentId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.RecordingId;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.SubscriptionTerms;
import com.engagementtracker.api.commands.AgreeTermsCommand;
import com.engagementtracker.api.commands.AssignPersonCommand;
import com.engagementtracker.api.commands.CaptureBaselineCommand;
import com.engagementtracker.api.commands.ConfirmGainShareCommand;
import com.engagementtracker.api.commands.DisputeGainShareCommand;
import com.engagementtracker.api.commands.IssueInvoiceCommand;
import com.engagementtracker.api.commands.OpenEngagementCommand;
import com.engagementtracker.api.commands.RecordMetricCommand;
import com.engagementtracker.api.commands.RecordPaymentCommand;
import com.engagementtracker.api.commands.ResolveGainShareCommand;
import com.engagementtracker.api.commands.SettleGainShareCommand;
import com.engagementtracker.api.commands.StartEngagementCommand;
import com.engagementtracker.api.events.GainSharedEvent;
import com.engagementtracker.app.access.Access;
import com.engagementtracker.command.backup.EventStoreBackup;
import com.engagementtracker.command.people.PersonDirectory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar app.jar --demo}: a few realistic engagements for the demo customers {@code acme} and
 * {@code globex}, with months of recordings up to today, settled, confirmed, disputed and resolved
 * statements, and payments, so that a newcomer who signs in sees a living product at once. Loaded through
 * the same commands as everything else (the history says "demo-loader"), and only into an empty store.
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");

    private final CommandGateway commands;
    private final PersonDirectory directory;
    private final EventStore store;
    private final Clock clock;

    DemoData(CommandGateway commands, PersonDirectory directory, EventStore store, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption("demo")) {
            return;
        }
        if (!EventStoreBackup.isEmpty(store)) {
            LOG.info("--demo: the store already holds events; no demo data added");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("demo-loader", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Access.ACCOUNT_TEAM))));
        try {
            LocalDate today = LocalDate.now(clock);
            YearMonth first = YearMonth.from(today).minusMonths(5);
            List<EngagementId> engagements = List.of(inventoryControl(first, today), returnsReduction(first.plusMonths(2), today),
                    warehouseAnalytics(first.plusMonths(1), today));
            // the invoices finance would have issued month by month (issued today: the clock cannot be turned back)
            for (YearMonth month = first; month.isBefore(YearMonth.from(today)); month = month.plusMonths(1)) {
                for (EngagementId engagement : engagements) {
                    commands.sendAndWait(new IssueInvoiceCommand(engagement, month));
                }
            }
            LOG.info("--demo: three engagements with their invoices loaded for acme and globex; sign in as customer-acme, customer-globex, "
                    + "account-team or finance");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** ACME: a hybrid engagement, five months of monthly stock-outs falling and deliveries improving. */
    private EngagementId inventoryControl(YearMonth first, LocalDate today) {
        EngagementId id = open("acme", "ACME Logistics", "Inventory control",
                new CustomerJob("Keep stock accurate across three warehouses", 5, 4, 4), first, EUR);
        commands.sendAndWait(new AgreeTermsCommand(id, BillingModel.HYBRID, new SubscriptionTerms(Money.of("3000.00", "EUR")),
                new GainShareTerms(new BigDecimal("20"), null, null, null, true)));
        baseline(id, first, (from, to) -> List.of(new BaselineMetric(new MetricId("stockouts"), "Stock-outs", "count", Direction.LOWER_IS_BETTER,
                        new BigDecimal("40"), from, to, "ERP", Aggregation.SUM, Money.of("250.00", "EUR"), BigDecimal.ZERO, null),
                new BaselineMetric(new MetricId("on-time"), "On-time deliveries", "%", Direction.HIGHER_IS_BETTER,
                        new BigDecimal("80"), from, to, "WMS", Aggregation.AVERAGE, Money.of("100.00", "EUR"), BigDecimal.ZERO,
                        new BigDecimal("100"))));
        assign(id, "ana-lima", "Ana Lima", OrganisationKind.PARTNER, "Porto University", "data analyst", "50", first,
                Money.of("120.00", "EUR"));
        assign(id, "ben-okafor", "Ben Okafor", OrganisationKind.SUPPLIER, "Supplier Co", "engagement lead", "100", first, null);
        assign(id, "carla-reyes", "Carla Reyes", OrganisationKind.CUSTOMER, "ACME Logistics", "warehouse manager", "30", first, null);
        commands.sendAndWait(new StartEngagementCommand(id, first.atDay(1)));
        int[] stockouts = {36, 31, 27, 24, 22, 20};
        String[] onTime = {"82", "85", "86.5", "89", "90", "91"};
        for (int month = 0; month < 6; month++) {
            YearMonth m = first.plusMonths(month);
            if (!m.atEndOfMonth().isAfter(today)) {
                // the month's count, as the ERP reports it: the baseline is a monthly count too
                record(id, "stockouts", Integer.toString(stockouts[month]), m.atEndOfMonth());
                record(id, "on-time", onTime[month], m.atEndOfMonth());
                StatementId statement = settle(id, m);
                if (month == 1) {
                    commands.sendAndWait(new DisputeGainShareCommand(id, statement, "the count in warehouse 2 includes transfers"));
                    commands.sendAndWait(new ResolveGainShareCommand(id, statement, Money.of("450.00", "EUR"),
                            "agreed on a recount without transfers"));
                } else if (m.plusMonths(1).atEndOfMonth().isBefore(today)) {
                    commands.sendAndWait(new ConfirmGainShareCommand(id, statement));
                }
                if (month < 3) {
                    pay(id, Money.of("3000.00", "EUR"), "ACME-" + m, m.plusMonths(1).atDay(10));
                }
            }
        }
        return id;
    }

    /** ACME again: gain share only, a hurdle, a first month that loses and a later one that pays it back. */
    private EngagementId returnsReduction(YearMonth first, LocalDate today) {
        EngagementId id = open("acme", "ACME Logistics", "Returns reduction",
                new CustomerJob("Cut returns caused by picking errors", 4, 5, 3), first, EUR);
        commands.sendAndWait(new AgreeTermsCommand(id, BillingModel.GAIN_SHARE, null,
                new GainShareTerms(new BigDecimal("30"), Money.of("500.00", "EUR"), null, null, true)));
        baseline(id, first, (from, to) -> List.of(new BaselineMetric(new MetricId("returns"), "Returns", "orders", Direction.LOWER_IS_BETTER,
                new BigDecimal("120"), from, to, "Help desk", Aggregation.SUM, Money.of("40.00", "EUR"), BigDecimal.ZERO, null)));
        assign(id, "ben-okafor", "Ben Okafor", OrganisationKind.SUPPLIER, "Supplier Co", "engagement lead", "20", first, null);
        commands.sendAndWait(new StartEngagementCommand(id, first.atDay(1)));
        int[] returns = {131, 104, 95, 90};
        for (int month = 0; month < returns.length && !first.plusMonths(month).atEndOfMonth().isAfter(today); month++) {
            YearMonth m = first.plusMonths(month);
            record(id, "returns", Integer.toString(returns[month]), m.atEndOfMonth());
            StatementId statement = settle(id, m);
            if (m.plusMonths(1).atEndOfMonth().isBefore(today)) {
                commands.sendAndWait(new ConfirmGainShareCommand(id, statement));
            }
        }
        return id;
    }

    /** Globex: a subscription in dollars with a partner's data engineer; pick rate tracked, not gain-shared. */
    private EngagementId warehouseAnalytics(YearMonth first, LocalDate today) {
        EngagementId id = open("globex", "Globex Corporation", "Warehouse analytics",
                new CustomerJob("See where picking time goes", 3, 3, 4), first, USD);
        commands.sendAndWait(new AgreeTermsCommand(id, BillingModel.SUBSCRIPTION, new SubscriptionTerms(Money.of("1500.00", "USD")),
                null));
        baseline(id, first, (from, to) -> List.of(new BaselineMetric(new MetricId("pick-rate"), "Pick rate", "picks/h", Direction.HIGHER_IS_BETTER,
                new BigDecimal("120"), from, to, "WMS", Aggregation.AVERAGE, null, BigDecimal.ZERO, null)));
        assign(id, "dan-moreau", "Dan Moreau", OrganisationKind.SUPPLIER, "Supplier Co", "analytics consultant", "60", first, null);
        assign(id, "eve-tan", "Eve Tan", OrganisationKind.PARTNER, "DataWorks Ltd", "data engineer", "40", first,
                Money.of("90.00", "USD"));
        commands.sendAndWait(new StartEngagementCommand(id, first.atDay(3)));
        String[] pickRate = {"121", "126", "131.5", "134", "137"};
        for (int month = 0; month < pickRate.length; month++) {
            YearMonth m = first.plusMonths(month);
            if (!m.atDay(20).isAfter(today)) {
                record(id, "pick-rate", pickRate[month], m.atDay(20));
            }
            if (month < 2 && m.plusMonths(1).atDay(5).isBefore(today)) {
                pay(id, Money.of("1500.00", "USD"), "GLOBEX-" + m, m.plusMonths(1).atDay(5));
            }
        }
        return id;
    }

    private EngagementId open(String customerId, String customerName, String title, CustomerJob job, YearMonth first,
                              Currency currency) {
        EngagementId id = new EngagementId(UUID.randomUUID().toString());
        commands.sendAndWait(new OpenEngagementCommand(id, customerId, customerName, title, job, first.atDay(1),
                first.plusMonths(11).atEndOfMonth(), currency, new PersonId("ben-okafor")));
        return id;
    }

    /** The baseline, measured over the quarter before the work starts. */
    private void baseline(EngagementId id, YearMonth first, BiFunction<LocalDate, LocalDate, List<BaselineMetric>> metrics) {
        commands.sendAndWait(new CaptureBaselineCommand(id,
                metrics.apply(first.minusMonths(3).atDay(1), first.minusMonths(1).atEndOfMonth())));
    }

    /** {@code dayRate}: what the supplier pays the partner for a day of this person; null for the supplier's and customer's own. */
    private void assign(EngagementId id, String personId, String name, OrganisationKind kind, String organisation, String role,
                        String percent, YearMonth first, Money dayRate) {
        commands.sendAndWait(new AssignPersonCommand(id, new PersonId(personId), kind, organisation, role,
                new BigDecimal(percent), first.atDay(1), first.plusMonths(11).atEndOfMonth(), dayRate));
        directory.introduce(new PersonId(personId), name);
    }

    private void record(EngagementId id, String metric, String value, LocalDate date) {
        commands.sendAndWait(new RecordMetricCommand(id, new RecordingId(UUID.randomUUID().toString()), new MetricId(metric),
                new BigDecimal(value), null, date, "demo", new PersonId("ben-okafor")));
    }

    private StatementId settle(EngagementId id, YearMonth month) {
        GainSharedEvent settled = commands.sendAndWait(new SettleGainShareCommand(id,
                new StatementId(UUID.randomUUID().toString()), month.atDay(1), month.atEndOfMonth()));
        return settled.statementId();
    }

    private void pay(EngagementId id, Money amount, String reference, LocalDate on) {
        commands.sendAndWait(new RecordPaymentCommand(id, new PaymentId(UUID.randomUUID().toString()), amount, reference, on));
    }
}
