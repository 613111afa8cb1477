package com.engagementtracker.query.summary;

import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.events.EngagementCancelledEvent;
import com.engagementtracker.api.events.EngagementOpenedEvent;
import com.engagementtracker.api.events.PersonAssignedEvent;
import com.engagementtracker.api.events.PersonReleasedEvent;
import com.engagementtracker.api.queries.FetchAllocationsQuery;
import com.engagementtracker.api.queries.PersonAllocations.OverAllocation;
import com.engagementtracker.api.queries.PersonAllocations;
import com.engagementtracker.query.JpaTestDatabase;
import com.engagementtracker.query.PersonDirectoryStub;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class UtilisationTest {

    private static final PersonId ANA = new PersonId("ana");

    private final JpaTestDatabase database = new JpaTestDatabase();
    private final EngagementSummaryProjection projection = new EngagementSummaryProjection(database.entityManager(),
            new EngagementSummaries(database.entityManager(), PersonDirectoryStub.knowing(Map.of("ana", "Ana Lima", "ben", "Ben Okafor"))), mock(QueryUpdateEmitter.class));
    private final Utilisation utilisation = new Utilisation(database.entityManager());
    private int events;

    @AfterEach
    void close() {
        database.close();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private EngagementId engagement(String id) {
        EngagementId engagementId = new EngagementId(id);
        database.inTransaction(em -> projection.on(new EngagementOpenedEvent(engagementId, "acme", "ACME", "Work " + id,
                new CustomerJob("x", 3, 3, 3), date("2026-01-01"), date("2026-12-31"), Currency.getInstance("EUR"),
                new PersonId("olivia"))));
        return engagementId;
    }

    private void assign(EngagementId engagement, String percent, String from, String to) {
        database.inTransaction(em -> projection.on(new PersonAssignedEvent(engagement, ANA,
                OrganisationKind.PARTNER, "Porto University", "analyst", new BigDecimal(percent), date(from), date(to)),
                "event-" + ++events));
    }

    private PersonAllocations allocations() {
        return utilisation.handle(new FetchAllocationsQuery(ANA));
    }

    @Test
    void aPersonUpToFullTimeIsNotFlagged() {
        assign(engagement("e-1"), "60", "2026-01-05", "2026-03-31");
        assign(engagement("e-2"), "40", "2026-02-01", "2026-04-30");

        assertThat(allocations().allocations()).hasSize(2);
        assertThat(allocations().overAllocated()).isEmpty();
    }

    @Test
    void flagsEachPeriodAbove100PercentWithItsTotal() {
        assign(engagement("e-1"), "60", "2026-01-05", "2026-03-31");
        assign(engagement("e-2"), "50", "2026-03-01", "2026-04-30");
        assign(engagement("e-3"), "20", "2026-03-15", "2026-03-20");

        assertThat(allocations().overAllocated()).containsExactly(
                new OverAllocation(date("2026-03-01"), date("2026-03-14"), new BigDecimal("110")),
                new OverAllocation(date("2026-03-15"), date("2026-03-20"), new BigDecimal("130")),
                new OverAllocation(date("2026-03-21"), date("2026-03-31"), new BigDecimal("110")));
    }

    @Test
    void aReleaseEndsTheAllocationThatDay() {
        EngagementId first = engagement("e-1");
        assign(first, "60", "2026-01-05", "2026-03-31");
        assign(engagement("e-2"), "50", "2026-03-01", "2026-04-30");
        database.inTransaction(em -> projection.on(new PersonReleasedEvent(first, ANA, date("2026-03-10"))));

        assertThat(allocations().allocations().get(0).to()).isEqualTo(date("2026-03-10"));
        assertThat(allocations().overAllocated()).containsExactly(
                new OverAllocation(date("2026-03-01"), date("2026-03-10"), new BigDecimal("110")));
    }

    @Test
    void aCancelledEngagementEndsItsAllocationsAndOneCancelledBeforeTheyBeganHasNone() {
        EngagementId first = engagement("e-1");
        EngagementId second = engagement("e-2");
        assign(first, "60", "2026-01-05", "2026-03-31");
        assign(second, "50", "2026-03-01", "2026-04-30");
        database.inTransaction(em -> {
            projection.on(new EngagementCancelledEvent(first, date("2026-03-05"), "merger"));
            projection.on(new EngagementCancelledEvent(second, date("2026-02-20"), "budget"));
        });

        assertThat(allocations().allocations()).hasSize(1);
        assertThat(allocations().allocations().get(0).to()).isEqualTo(date("2026-03-05"));
        assertThat(allocations().overAllocated()).isEmpty();
    }

    @Test
    void knowsNothingOfSomeoneNeverAssigned() {
        assertThat(allocations()).isNull();
    }
}
