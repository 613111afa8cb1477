package com.engagementtracker.query.summary;

import com.engagementtracker.api.CustomerJob;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.queries.EngagementCustomer;
import com.engagementtracker.api.queries.EngagementMoney;
import com.engagementtracker.api.queries.EngagementPage;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FetchEngagementMoneyQuery;
import com.engagementtracker.api.queries.FindEngagementCustomerQuery;
import com.engagementtracker.api.queries.FindEngagementQuery;
import com.engagementtracker.api.queries.FindEngagementsQuery;
import com.engagementtracker.api.queries.FindPersonNamesQuery;
import com.engagementtracker.api.queries.PersonNames;
import com.engagementtracker.query.Decimals;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The account team's summaries, one or a page of them: the summary tables for status, people and
 * metrics, and (through a query) the billing read model for the money to date.
 */
@Component
public class EngagementSummaries {

    private final EntityManager entityManager;
    private final QueryGateway queries;

    public EngagementSummaries(EntityManager entityManager, QueryGateway queries) {
        this.entityManager = entityManager;
        this.queries = queries;
    }

    @QueryHandler
    public EngagementSummary handle(FindEngagementQuery query) {
        EngagementRow row = entityManager.find(EngagementRow.class, query.engagementId().value());
        return row == null ? null : summaries(List.of(row)).get(0);
    }

    @QueryHandler
    public EngagementCustomer handle(FindEngagementCustomerQuery query) {
        EngagementRow row = entityManager.find(EngagementRow.class, query.engagementId().value());
        return row == null ? null : new EngagementCustomer(query.engagementId(), row.customerId);
    }

    /**
     * One statement for the page and its total (a window count, computed before the page is cut); a second one only
     * for a page past the last, which has no row to carry the total.
     */
    @QueryHandler
    public EngagementPage handle(FindEngagementsQuery query) {
        String where = " where (:customerId is null or e.customerId = :customerId) and (:status is null or e.status = :status)";
        TypedQuery<Object[]> page = entityManager.createQuery(
                        "select e, count(*) over () from EngagementRow e" + where + " order by e.plannedStart desc, e.id",
                        Object[].class)
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size());
        TypedQuery<Long> count = entityManager.createQuery("select count(e) from EngagementRow e" + where, Long.class);
        for (TypedQuery<?> q : List.of(page, count)) {
            q.setParameter("customerId", query.customerId()).setParameter("status", query.status());
        }
        List<Object[]> found = page.getResultList();
        List<EngagementRow> rows = found.stream().map(row -> (EngagementRow) row[0]).toList();
        long total = !found.isEmpty() ? (Long) found.get(0)[1] : query.page() == 0 ? 0 : count.getSingleResult();
        return new EngagementPage(summaries(rows), query.page(),
                query.size(), total, (int) ((total + query.size() - 1) / query.size()));
    }

    /** The money of these engagements, from the billing read model (which keeps the billing facts). */
    private Map<EngagementId, EngagementMoney.Entry> money(List<EngagementRow> rows) {
        List<EngagementId> ids = rows.stream().map(row -> new EngagementId(row.id)).toList();
        return queries.query(new FetchEngagementMoneyQuery(ids), EngagementMoney.class).join().entries().stream()
                .collect(Collectors.toMap(EngagementMoney.Entry::engagementId, entry -> entry));
    }

    /**
     * The summaries of these engagements, in their order, from one query per table whatever their number: their
     * people, their metrics, the people's names and the money.
     */
    private List<EngagementSummary> summaries(List<EngagementRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(row -> row.id).toList();
        Map<String, List<PersonRow>> people = entityManager.createQuery(
                        "from PersonRow p where p.engagementId in :ids order by p.from, p.personId", PersonRow.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.groupingBy(p -> p.engagementId, Collectors.toList()));
        Map<String, List<MetricRow>> metrics = entityManager.createQuery(
                        "from MetricRow m where m.engagementId in :ids order by m.position", MetricRow.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.groupingBy(m -> m.engagementId, Collectors.toList()));
        PersonNames names = names(people.values().stream().flatMap(List::stream).toList());
        Map<EngagementId, EngagementMoney.Entry> money = money(rows);
        return rows.stream().map(row -> summary(row, people.getOrDefault(row.id, List.of()),
                metrics.getOrDefault(row.id, List.of()), names, money)).toList();
    }

    private EngagementSummary summary(EngagementRow row, List<PersonRow> assigned, List<MetricRow> metricRows, PersonNames names,
                                      Map<EngagementId, EngagementMoney.Entry> amounts) {
        List<EngagementSummary.Person> people = assigned.stream()
                .map(p -> new EngagementSummary.Person(new PersonId(p.personId), names.nameOf(new PersonId(p.personId)),
                        p.organisationKind, p.organisationName, p.role, Decimals.plain(p.allocationPercent), p.from, p.to,
                        p.releasedOn))
                .toList();
        List<EngagementSummary.Metric> metrics = metricRows.stream().map(EngagementSummaries::metric).toList();
        Currency currency = Currency.getInstance(row.currency);
        Money zero = Money.zero(currency);
        EngagementMoney.Entry money = amounts.getOrDefault(new EngagementId(row.id),
                new EngagementMoney.Entry(new EngagementId(row.id), zero, zero, zero, zero, zero));
        CustomerJob job = row.jobDescription == null ? null : new CustomerJob(row.jobDescription, row.jobImportance,
                row.jobPainSeverity, row.jobGainRelevance);
        return new EngagementSummary(new EngagementId(row.id), row.customerId, row.customerName, row.title, job, row.status,
                row.model, currency, row.plannedStart, row.plannedEnd, row.startedOn, row.endedOn, people, metrics,
                money.gainToDate(), money.billedToDate(), money.paidToDate(), money.outstanding(), money.invoicedToDate());
    }

    /** Names live in the person directory, not in events or read models, so that a person can be forgotten. */
    private PersonNames names(List<PersonRow> people) {
        if (people.isEmpty()) {
            return new PersonNames(Map.of());
        }
        Set<PersonId> ids = people.stream().map(p -> new PersonId(p.personId)).collect(Collectors.toSet());
        return queries.query(new FindPersonNamesQuery(ids), PersonNames.class).join();
    }

    private static EngagementSummary.Metric metric(MetricRow m) {
        BigDecimal baseline = Decimals.plain(m.baselineValue);
        BigDecimal latest = Decimals.plain(m.latestValue);
        BigDecimal improvement = latest == null ? null : Decimals.plain(m.direction.improvement(latest, baseline));
        return new EngagementSummary.Metric(new MetricId(m.metricId), m.name, m.unit, m.direction, baseline, latest,
                m.latestDate, improvement, Decimals.percentOf(improvement, baseline));
    }
}
