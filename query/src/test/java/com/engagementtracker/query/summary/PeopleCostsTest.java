package com.engagementtracker.query.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.PersonAssignedEvent;
import com.engagementtracker.api.events.PersonReleasedEvent;
import com.engagementtracker.api.queries.Costs.Cost;
import com.engagementtracker.api.queries.FetchCostsQuery;
import com.engagementtracker.query.JpaTestDatabase;
import com.engagementtracker.query.PersonDirectoryStub;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the assigned people cost, from the summary's tables, with literal figures (January and February 2026 have 20 working days from the 5th and the 1st). */
class PeopleCostsTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneOffset.UTC);
    private static final EngagementId ACME = new EngagementId("acme-1");

    private final JpaTestDatabase database = new JpaTestDatabase();
    private final EngagementSummaryProjection projection = new EngagementSummaryProjection(database.entityManager(),
            new EngagementSummaries(database.entityManager(), PersonDirectoryStub.knowing(Map.of())), mock(QueryUpdateEmitter.class));
    private int events;

    @AfterEach
    void close() {
        database.close();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private void opened() {
        database.inTransaction(em -> projection.on(new EngagementOpenedEvent(ACME, "acme", "ACME", "Inventory control",
                new CustomerJob("x", 3, 3, 3), date("2026-01-01"), date("2026-12-31"), Currency.getInstance("EUR"),
                new PersonId("olivia"))));
    }

    private void assign(String person, OrganisationKind kind, String organisation, String percent, String from, String to,
                        Money dayRate) {
        database.inTransaction(em -> projection.on(new PersonAssignedEvent(ACME, new PersonId(person), kind, organisation,
                "analyst", new BigDecimal(percent), date(from), date(to), dayRate), "event-" + ++events));
    }

    private List<Cost> costs(YearMonth month, String holidays) {
        return new PeopleCosts(database.entityManager(), holidays, TODAY).handle(new FetchCostsQuery(ACME, month)).costs();
    }

    private static Cost cost(String month, OrganisationKind kind, String organisation, String personDays, String amount) {
        return new Cost(ACME, YearMonth.parse(month), kind, organisation, new BigDecimal(personDays), eur(amount), BigDecimal.ZERO);
    }

    /** Worked by people without a day rate: their days count, their cost is not known. */
    private static Cost unpriced(String month, OrganisationKind kind, String organisation, String personDays) {
        return new Cost(ACME, YearMonth.parse(month), kind, organisation, new BigDecimal(personDays), eur("0.00"),
                new BigDecimal(personDays));
    }

    @Test
    void allocationTimesWorkingDaysTimesDayRatePerMonthAndOrganisation() {
        opened();
        // half time from Monday 5 January: 20 working days in January, 20 in February, 7 in March up to the release
        assign("ana", OrganisationKind.PARTNER, "Porto University", "50", "2026-01-05", "2026-06-30", eur("640.00"));
        // full time for two weeks: 10 working days
        assign("ben", OrganisationKind.SUPPLIER, "Supplier Co", "100", "2026-01-05", "2026-01-16", eur("800.00"));
        // no day rate: the days count, the cost is not known
        assign("cem", OrganisationKind.CUSTOMER, "ACME", "100", "2026-01-05", "2026-06-30", null);
        database.inTransaction(em -> projection.on(new PersonReleasedEvent(ACME, new PersonId("ana"), date("2026-03-10"))));

        // up to the end of March, the current month: 22 working days
        assertThat(costs(null, "")).containsExactly(
                cost("2026-01", OrganisationKind.SUPPLIER, "Supplier Co", "10", "8000.00"),
                unpriced("2026-01", OrganisationKind.CUSTOMER, "ACME", "20"),
                cost("2026-01", OrganisationKind.PARTNER, "Porto University", "10", "6400.00"),
                unpriced("2026-02", OrganisationKind.CUSTOMER, "ACME", "20"),
                cost("2026-02", OrganisationKind.PARTNER, "Porto University", "10", "6400.00"),
                unpriced("2026-03", OrganisationKind.CUSTOMER, "ACME", "22"),
                cost("2026-03", OrganisationKind.PARTNER, "Porto University", "3.5", "2240.00"));
        assertThat(costs(YearMonth.parse("2026-02"), "")).containsExactly(
                unpriced("2026-02", OrganisationKind.CUSTOMER, "ACME", "20"),
                cost("2026-02", OrganisationKind.PARTNER, "Porto University", "10", "6400.00"));
        // a configured holiday on Tuesday 6 January is no working day
        assertThat(costs(YearMonth.parse("2026-01"), "2026-01-06, 2026-12-25")).contains(
                cost("2026-01", OrganisationKind.PARTNER, "Porto University", "9.5", "6080.00"));
    }

    @Test
    void theCostIsRoundedOnceForTheMonthNotPerDay() {
        opened();
        // 20 days x 33.33 % x 100.01 = 666.66666...: 666.67, where a cent per day would give 20 x 33.34 = 666.80
        assign("ana", OrganisationKind.PARTNER, "Porto University", "33.33", "2026-02-01", "2026-02-28", eur("100.01"));

        assertThat(costs(null, "")).containsExactly(cost("2026-02", OrganisationKind.PARTNER, "Porto University", "6.666", "666.67"));
    }

    @Test
    void monthsNotYetBegunCostNothingYet() {
        opened();
        // today is 10 March 2026: March counts whole, like its subscription charge; April and later not yet
        assign("ana", OrganisationKind.PARTNER, "Porto University", "100", "2026-03-02", "2026-06-30", eur("500.00"));

        assertThat(costs(null, "")).containsExactly(cost("2026-03", OrganisationKind.PARTNER, "Porto University", "22", "11000.00"));
    }
}
