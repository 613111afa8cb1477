package com.engagementtracker.query.summary;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.queries.FetchAllocationsQuery;
import com.engagementtracker.api.queries.PersonAllocations;
import com.engagementtracker.api.queries.PersonAllocations.Allocation;
import com.engagementtracker.api.queries.PersonAllocations.OverAllocation;
import com.engagementtracker.query.Decimals;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Each person's allocation across engagements over time. Allocations above 100 % in total are flagged,
 * not refused: a person may well be booked on two engagements while one winds down.
 */
@Component
public class Utilisation {

    private static final BigDecimal FULL_TIME = BigDecimal.valueOf(100);

    private final EntityManager entityManager;

    public Utilisation(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @QueryHandler
    public PersonAllocations handle(FetchAllocationsQuery query) {
        List<Object[]> rows = entityManager.createQuery("""
                        select p, e from PersonRow p, EngagementRow e
                        where p.personId = :personId and e.id = p.engagementId
                        order by p.from, e.id""", Object[].class)
                .setParameter("personId", query.personId().value())
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        List<Allocation> allocations = new ArrayList<>();
        for (Object[] row : rows) {
            PersonRow person = (PersonRow) row[0];
            EngagementRow engagement = (EngagementRow) row[1];
            LocalDate to = earliest(person.to, person.releasedOn, engagement.endedOn);
            if (!to.isBefore(person.from)) {
                allocations.add(new Allocation(new EngagementId(engagement.id), engagement.customerName,
                        engagement.title, person.from, to, Decimals.plain(person.allocationPercent)));
            }
        }
        return new PersonAllocations(query.personId(), allocations, overAllocated(allocations));
    }

    /** The periods in which the allocations add up to more than 100 %, one per total. */
    static List<OverAllocation> overAllocated(List<Allocation> allocations) {
        TreeSet<LocalDate> boundaries = new TreeSet<>();
        for (Allocation allocation : allocations) {
            boundaries.add(allocation.from());
            boundaries.add(allocation.to().plusDays(1));
        }
        List<OverAllocation> over = new ArrayList<>();
        LocalDate start = null;
        for (LocalDate boundary : boundaries) {
            if (start != null) {
                LocalDate day = start;
                BigDecimal total = allocations.stream()
                        .filter(a -> !day.isBefore(a.from()) && !day.isAfter(a.to()))
                        .map(Allocation::allocationPercent)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (total.compareTo(FULL_TIME) > 0) {
                    OverAllocation previous = over.isEmpty() ? null : over.get(over.size() - 1);
                    if (previous != null && previous.to().plusDays(1).equals(start)
                            && previous.totalPercent().compareTo(total) == 0) {
                        over.set(over.size() - 1, new OverAllocation(previous.from(), boundary.minusDays(1), total));
                    } else {
                        over.add(new OverAllocation(start, boundary.minusDays(1), Decimals.plain(total)));
                    }
                }
            }
            start = boundary;
        }
        return over;
    }

    /** The earliest of these dates, the first one never null. */
    static LocalDate earliest(LocalDate date, LocalDate... others) {
        LocalDate earliest = date;
        for (LocalDate other : others) {
            if (other != null && other.isBefore(earliest)) {
                earliest = other;
            }
        }
        return earliest;
    }
}
