package com.engagementtracker.query.web;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EngagementStatus;
import com.engagementtracker.api.MetricId;
import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.queries.EngagementHistory;
import com.engagementtracker.api.queries.EngagementMargin;
import com.engagementtracker.api.queries.EngagementPage;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FetchAllocationsQuery;
import com.engagementtracker.api.queries.FetchChargesQuery;
import com.engagementtracker.api.queries.FetchHistoryQuery;
import com.engagementtracker.api.queries.FetchMarginQuery;
import com.engagementtracker.api.queries.FetchMarginsQuery;
import com.engagementtracker.api.queries.FetchMetricSeriesQuery;
import com.engagementtracker.api.queries.FetchReconciliationQuery;
import com.engagementtracker.api.queries.FetchStatementsQuery;
import com.engagementtracker.api.queries.FindEngagementQuery;
import com.engagementtracker.api.queries.FindEngagementsQuery;
import com.engagementtracker.api.queries.GainShareStatement;
import com.engagementtracker.api.queries.GainShareStatements;
import com.engagementtracker.api.queries.Margins;
import com.engagementtracker.api.queries.MetricSeries;
import com.engagementtracker.api.queries.PersonAllocations;
import com.engagementtracker.api.queries.Reconciliation;
import com.engagementtracker.api.queries.SubscriptionCharges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read side of the API (docs/api.md): each endpoint one query through the gateway. */
@RestController
@RequestMapping("/api")
@Tag(name = "Engagement queries", description = "Summaries, series, statements and billing, from the read models")
class EngagementQueryController {

    private final QueryGateway queries;
    private final EventStore eventStore;

    EngagementQueryController(QueryGateway queries, EventStore eventStore) {
        this.queries = queries;
        this.eventStore = eventStore;
    }

    @GetMapping("/engagements")
    @Operation(summary = "A page of engagement summaries, newest planned start first")
    EngagementPage engagements(@RequestParam(required = false) String customerId,
                               @RequestParam(required = false) EngagementStatus status,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ask(new FindEngagementsQuery(customerId, status, page, size), EngagementPage.class);
    }

    @GetMapping("/engagements/{id}")
    @Operation(summary = "One engagement's summary; its ETag is the engagement's version, for If-Match on commands")
    ResponseEntity<EngagementSummary> engagement(@PathVariable EngagementId id) {
        Long version = eventStore.lastSequenceNumberFor(id.value()).orElse(null);
        EngagementSummary summary = NotFound.unlessNull(ask(new FindEngagementQuery(id), EngagementSummary.class),
                "engagement", id);
        return ResponseEntity.ok().eTag(version == null ? null : "\"" + version + "\"").body(summary);
    }

    @GetMapping("/engagements/{id}/metrics/{metricId}/series")
    @Operation(summary = "A metric over time against its baseline")
    MetricSeries series(@PathVariable EngagementId id, @PathVariable MetricId metricId) {
        return NotFound.unlessNull(ask(new FetchMetricSeriesQuery(id, metricId), MetricSeries.class), "metric", metricId);
    }

    @GetMapping("/engagements/{id}/statements")
    @Operation(summary = "The gain-share statements, in period order")
    List<GainShareStatement> statements(@PathVariable EngagementId id) {
        return statementsOf(id).statements();
    }

    @GetMapping("/engagements/{id}/statements/{statementId}")
    @Operation(summary = "One gain-share statement with its breakdown")
    GainShareStatement statement(@PathVariable EngagementId id, @PathVariable StatementId statementId) {
        return NotFound.unlessNull(statementsOf(id).statements().stream().filter(s -> s.id().equals(statementId)).findFirst()
                .orElse(null), "statement", statementId);
    }

    @GetMapping("/engagements/{id}/history")
    @Operation(summary = "Every fact of the engagement in order, with who caused it")
    List<EngagementHistory.Entry> history(@PathVariable EngagementId id) {
        return NotFound.unlessNull(ask(new FetchHistoryQuery(id), EngagementHistory.class), "engagement", id).entries();
    }

    @GetMapping("/engagements/{id}/charges")
    @Operation(summary = "Subscription charges of every month begun so far")
    List<SubscriptionCharges.Charge> charges(@PathVariable EngagementId id) {
        return NotFound.unlessNull(ask(new FetchChargesQuery(id), SubscriptionCharges.class), "engagement", id).charges();
    }

    @GetMapping("/billing/reconciliation")
    @Operation(summary = "(finance) Billed, paid and outstanding per engagement and month")
    List<Reconciliation.Line> reconciliation(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM")
                                             YearMonth month) {
        return reconcile(month).lines();
    }

    @GetMapping(value = "/billing/reconciliation.csv", produces = "text/csv")
    @Operation(summary = "(finance) The reconciliation as CSV, one line per engagement and month")
    ResponseEntity<String> reconciliationCsv(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM")
                                             YearMonth month) {
        String name = "reconciliation" + (month == null ? "" : "-" + month) + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(BillingCsv.reconciliation(reconcile(month)));
    }

    @GetMapping("/billing/totals")
    @Operation(summary = "(finance) Billed, paid and outstanding per currency")
    List<Reconciliation.Total> totals(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM")
                                      YearMonth month) {
        return reconcile(month).totals();
    }

    @GetMapping("/engagements/{id}/margin")
    @Operation(summary = "(account team, finance) Revenue, the people's cost per organisation, and the margin, per month")
    EngagementMargin margin(@PathVariable EngagementId id) {
        return NotFound.unlessNull(ask(new FetchMarginQuery(id), EngagementMargin.class), "engagement", id);
    }

    @GetMapping("/billing/margin")
    @Operation(summary = "(finance) One month's revenue, cost and margin per engagement and per organisation (own staff, partners)")
    Margins margins(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return ask(new FetchMarginsQuery(month), Margins.class);
    }

    @GetMapping("/people/{personId}/allocations")
    @Operation(summary = "A person's allocations across engagements, with over-allocation flagged")
    PersonAllocations allocations(@PathVariable PersonId personId) {
        return NotFound.unlessNull(ask(new FetchAllocationsQuery(personId), PersonAllocations.class), "person", personId);
    }

    private GainShareStatements statementsOf(EngagementId id) {
        return NotFound.unlessNull(ask(new FetchStatementsQuery(id), GainShareStatements.class), "engagement", id);
    }

    private Reconciliation reconcile(YearMonth month) {
        return ask(new FetchReconciliationQuery(month), Reconciliation.class);
    }

    private <R> R ask(Object query, Class<R> responseType) {
        return queries.query(query, responseType).join();
    }
}
