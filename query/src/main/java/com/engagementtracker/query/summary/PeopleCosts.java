package com.engagementtracker.query.summary;

import com.engagementtracker.api.DateRange;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.queries.Costs;
import com.engagementtracker.api.queries.Costs.Cost;
import com.engagementtracker.api.queries.FetchCostsQuery;
import com.engagementtracker.query.Decimals;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the assigned people cost the supplier: per engagement, month and organisation, allocation × working days ×
 * day rate, over the assignment's days (up to its release or the engagement's end). A person without a day rate
 * counts with the person-days worked, as unpriced: their cost is not known. Working days are
 * Monday to Friday but the configured holidays ({@code engagement.calendar.holidays}, ISO dates, comma-separated).
 * Like the subscription, which accrues for every month begun, cost is counted up to the end of the current month.
 * Each cost is exact until {@link Money#rounded}, once per engagement, month and organisation.
 */
@Component
public class PeopleCosts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EntityManager entityManager;
    private final Set<LocalDate> holidays;
    private final Clock clock;

    public PeopleCosts(EntityManager entityManager, @Value("${engagement.calendar.holidays:}") String holidays, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.holidays = Arrays.stream(holidays.split(",")).map(String::strip).filter(day -> !day.isEmpty())
                .map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * An assignment as its cost needs it: {@code worked} ends with the release, the engagement's end or the current month,
     * null when the person left before starting; {@code dayRate} null when not known.
     */
    record Assignment(String engagementId, Currency currency, OrganisationKind organisationKind, String organisationName,
                      BigDecimal allocationPercent, DateRange worked, BigDecimal dayRate) {
    }

    @QueryHandler
    public Costs handle(FetchCostsQuery query) {
        var select = entityManager.createQuery("""
                select p, e.currency, e.endedOn from PersonRow p, EngagementRow e
                where e.id = p.engagementId""" + (query.engagementId() == null ? "" : " and p.engagementId = :id"),
                Object[].class);
        if (query.engagementId() != null) {
            select.setParameter("id", query.engagementId().value());
        }
        List<Object[]> rows = select.getResultList();
        List<Assignment> assignments = new ArrayList<>();
        for (Object[] row : rows) {
            PersonRow person = (PersonRow) row[0];
            LocalDate to = Utilisation.earliest(person.to, person.releasedOn, (LocalDate) row[2],
                    YearMonth.now(clock).atEndOfMonth());
            assignments.add(new Assignment(person.engagementId, Currency.getInstance((String) row[1]), person.organisationKind,
                    person.organisationName, person.allocationPercent, to.isBefore(person.from) ? null : new DateRange(person.from, to),
                    person.dayRate));
        }
        return new Costs(costs(assignments, query.month(), holidays));
    }

    private record Key(String engagementId, YearMonth month, OrganisationKind kind, String organisation, Currency currency) {
    }

    /** The costs of these assignments, per engagement, month and organisation; of one month only unless {@code only} is null. */
    static List<Cost> costs(List<Assignment> assignments, YearMonth only, Set<LocalDate> holidays) {
        Map<Key, BigDecimal[]> totals = new TreeMap<>(Comparator.comparing(Key::engagementId).thenComparing(Key::month)
                .thenComparing(Key::kind).thenComparing(key -> Objects.toString(key.organisation(), "")));
        for (Assignment assignment : assignments) {
            DateRange worked = assignment.worked();
            if (worked == null) {
                continue;
            }
            for (YearMonth month = YearMonth.from(worked.from()); !month.isAfter(YearMonth.from(worked.to())); month = month.plusMonths(1)) {
                if (only != null && !only.equals(month)) {
                    continue;
                }
                DateRange days = new DateRange(month.atDay(1), month.atEndOfMonth()).overlap(worked);
                BigDecimal personDays = BigDecimal.valueOf(workingDays(days, holidays))
                        .multiply(assignment.allocationPercent()).divide(HUNDRED);
                BigDecimal[] total = totals.computeIfAbsent(new Key(assignment.engagementId(), month,
                        assignment.organisationKind(), assignment.organisationName(), assignment.currency()),
                        key -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                total[0] = total[0].add(personDays);
                if (assignment.dayRate() == null) {
                    total[2] = total[2].add(personDays);
                } else {
                    total[1] = total[1].add(personDays.multiply(assignment.dayRate()));
                }
            }
        }
        List<Cost> costs = new ArrayList<>();
        totals.forEach((key, total) -> costs.add(new Cost(new EngagementId(key.engagementId()), key.month(), key.kind(),
                key.organisation(), Decimals.plain(total[0]), Money.rounded(total[1], key.currency()), Decimals.plain(total[2]))));
        return costs;
    }

    /** Monday to Friday in these days, both ends included, but the holidays. */
    static long workingDays(DateRange days, Set<LocalDate> holidays) {
        return days.from().datesUntil(days.to().plusDays(1))
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .filter(day -> !holidays.contains(day))
                .count();
    }
}
