package com.engagementtracker.app.pages;

import com.engagementtracker.api.Aggregation;
import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.Direction;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.EngagementStatus;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.OrganisationKind;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.queries.EngagementHistory;
import com.engagementtracker.api.queries.EngagementMargin;
import com.engagementtracker.api.queries.EngagementPage;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FetchChargesQuery;
import com.engagementtracker.api.queries.FetchHistoryQuery;
import com.engagementtracker.api.queries.FetchInvoicesQuery;
import com.engagementtracker.api.queries.FetchMarginQuery;
import com.engagementtracker.api.queries.FetchMetricSeriesQuery;
import com.engagementtracker.api.queries.FetchStatementsQuery;
import com.engagementtracker.api.queries.FindEngagementQuery;
import com.engagementtracker.api.queries.FindEngagementsQuery;
import com.engagementtracker.api.queries.GainShareStatement;
import com.engagementtracker.api.queries.GainShareStatements;
import com.engagementtracker.api.queries.Invoices;
import com.engagementtracker.api.queries.MetricSeries;
import com.engagementtracker.api.queries.SubscriptionCharges;
import com.engagementtracker.app.access.Access;
import com.engagementtracker.app.access.CustomerScope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The customer progress portal, server-rendered: a customer's engagements, and for each its metrics against
 * the baseline, its people by organisation, its statements (with Confirm and Dispute), its subscription
 * charges and the value it brought. Staff see every engagement. A customer asking for another customer's
 * engagement gets the not-found page, as for one that does not exist.
 */
@Controller
class PortalPages {

    /** How long one live connection lasts; the browser reconnects by itself afterwards. */
    private static final Duration LIVE_FOR = Duration.ofMinutes(30);
    /** Several read models change for one fact: one event for the page, once they are quiet for this long. */
    private static final Duration COALESCE = Duration.ofMillis(150);

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final QueryGateway queries;
    private final PortalJson json;
    private final Clock clock;

    PortalPages(QueryGateway queries, PortalJson json, Clock clock) {
        this.queries = queries;
        this.clock = clock;
        this.json = json;
    }

    /** Each role's home: customers their portal, the account team its engagements, finance the reconciliation. */
    @GetMapping("/")
    String home(Authentication user) {
        return "redirect:" + switch (Access.roleOf(user).orElse("")) {
            case Access.ACCOUNT_TEAM -> "/engagements";
            case Access.FINANCE -> "/billing/reconciliation";
            case Access.ADMIN -> "/swagger-ui.html";
            default -> "/portal";
        };
    }

    @GetMapping("/portal")
    String engagements(Authentication user, Model model) {
        String customer = Access.customerOf(user).orElse(null);
        EngagementPage page = queries.query(new FindEngagementsQuery(customer, null, 0, 100), EngagementPage.class).join();
        model.addAttribute("engagements", page.content());
        model.addAttribute("customer", customer);
        return "portal/engagements";
    }

    /**
     * One engagement. Everyone who may see it gets the same page; the account team also gets a form for every
     * command ({@link ApiForms}), finance the payment form, and the customer Confirm and Dispute.
     */
    @GetMapping({"/portal/engagements/{id}", "/engagements/{id}"})
    String engagement(@PathVariable String id, Authentication user, Model model) {
        EngagementId engagementId = visible(id, user);
        EngagementSummary summary = queries.query(new FindEngagementQuery(engagementId), EngagementSummary.class).join();
        List<GainShareStatement> statements = Optional.ofNullable(queries.query(new FetchStatementsQuery(engagementId),
                GainShareStatements.class).join()).map(GainShareStatements::statements).orElse(List.of());
        SubscriptionCharges charges = queries.query(new FetchChargesQuery(engagementId), SubscriptionCharges.class).join();
        List<MetricSeries> series = summary.metrics().stream()
                .map(metric -> queries.query(new FetchMetricSeriesQuery(engagementId, metric.metricId()), MetricSeries.class).join())
                .toList();
        model.addAttribute("engagement", summary);
        model.addAttribute("statements", statements);
        model.addAttribute("charges", charges == null ? List.of() : charges.charges());
        model.addAttribute("series", series);
        model.addAttribute("charts", series.stream().map(json::series).toList());
        model.addAttribute("people", summary.people().stream().collect(Collectors.groupingBy(
                person -> person.organisationKind() + (person.organisationName() == null ? "" : " · " + person.organisationName()),
                LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("value", value(summary, statements));
        model.addAttribute("invoices", queries.query(new FetchInvoicesQuery(engagementId), Invoices.class).join().invoices());
        model.addAttribute("history", Optional.ofNullable(queries.query(new FetchHistoryQuery(engagementId), EngagementHistory.class)
                .join()).map(EngagementHistory::entries).orElse(List.of()));
        // cost and margin are the supplier's business: asked only for its account team and finance
        String role = Access.roleOf(user).orElse("");
        model.addAttribute("margin", Access.ACCOUNT_TEAM.equals(role) || Access.FINANCE.equals(role)
                ? queries.query(new FetchMarginQuery(engagementId), EngagementMargin.class).join() : null);
        boolean customer = Access.customerOf(user).isPresent();
        model.addAttribute("home", customer ? "/portal" : "/engagements");
        model.addAttribute("self", (customer ? "/portal/engagements/" : "/engagements/") + engagementId);
        model.addAttribute("open", summary.status() == EngagementStatus.OPENED || summary.status() == EngagementStatus.ACTIVE);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("billingModels", BillingModel.values());
        model.addAttribute("organisationKinds", OrganisationKind.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("aggregations", Aggregation.values());
        model.addAttribute("yesNo", List.of("true", "false"));
        model.addAttribute("metricIds", summary.metrics().stream().map(m -> m.metricId().toString()).toList());
        model.asMap().putIfAbsent("forms", FormState.NONE);
        return "portal/engagement";
    }

    /**
     * Live updates for an open engagement page, as server-sent events: an event {@code changed} whenever the
     * engagement's summary, statements or a metric's series changes, after which the page fetches its fresh
     * parts. Fed by the read models' subscription queries, for this one engagement and only when the user may
     * see it (the same check as the page), so nothing of another customer ever travels on it.
     */
    @GetMapping(path = {"/portal/engagements/{id}/live", "/engagements/{id}/live"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String id, Authentication user) {
        EngagementId engagementId = visible(id, user);
        SseEmitter events = new SseEmitter(LIVE_FOR.toMillis());
        List<SubscriptionQueryResult<?, ?>> subscriptions = new ArrayList<>();
        subscriptions.add(queries.subscriptionQuery(new FindEngagementQuery(engagementId), EngagementSummary.class,
                EngagementSummary.class));
        subscriptions.add(queries.subscriptionQuery(new FetchStatementsQuery(engagementId), GainShareStatements.class,
                GainShareStatements.class));
        EngagementSummary summary = queries.query(new FindEngagementQuery(engagementId), EngagementSummary.class).join();
        summary.metrics().forEach(metric -> subscriptions.add(queries.subscriptionQuery(
                new FetchMetricSeriesQuery(engagementId, metric.metricId()), MetricSeries.class, MetricSeries.class)));
        Disposable feed = Flux.merge(subscriptions.stream().map(SubscriptionQueryResult::updates).toList())
                .sampleTimeout(update -> Mono.delay(COALESCE))
                .subscribe(update -> send(events, "changed"), failure -> events.complete(), events::complete);
        open.add(events);
        Runnable close = () -> {
            open.remove(events);
            feed.dispose();
            subscriptions.forEach(SubscriptionQueryResult::close);
        };
        events.onCompletion(close);
        events.onTimeout(close);
        events.onError(failure -> close.run());
        send(events, "ready");
        return events;
    }

    /** On shutdown, live connections end first: graceful shutdown waits for open requests, and these never end by themselves. */
    @EventListener(ContextClosedEvent.class)
    void endLiveUpdates() {
        List.copyOf(open).forEach(SseEmitter::complete);
    }

    private static void send(SseEmitter events, String name) {
        try {
            events.send(SseEmitter.event().name(name).data(name));
        } catch (IOException | IllegalStateException gone) {
            events.complete();
        }
    }

    /** Pages answer a status with the error page for browsers, not with the API's problem+json. */
    @ExceptionHandler(ResponseStatusException.class)
    void statusPage(ResponseStatusException e, HttpServletResponse response) throws IOException {
        response.sendError(e.getStatusCode().value());
    }

    /** The engagement, if this user may see it; otherwise exactly what an unknown engagement gives: 404. */
    private EngagementId visible(String id, Authentication user) {
        return CustomerScope.visibleTo(queries, id, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The value panel's figures, from the statements as settled, confirmed or resolved. */
    private static Map<String, Object> value(EngagementSummary summary, List<GainShareStatement> statements) {
        Money zero = Money.zero(summary.currency());
        List<GainShareStatement> agreed = statements.stream()
                .filter(s -> s.status() == StatementStatus.CONFIRMED || s.status() == StatementStatus.RESOLVED).toList();
        Money measured = agreed.stream().map(GainShareStatement::grossGain).reduce(zero, Money::plus);
        Money kept = agreed.stream().map(GainShareStatement::customerShare).reduce(zero, Money::plus);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("measured", measured);
        value.put("kept", kept);
        value.put("billed", summary.billedToDate());
        value.put("paid", summary.paidToDate());
        value.put("keptPerPaid", summary.paidToDate().amount().signum() == 0 ? null
                : kept.amount().divide(summary.paidToDate().amount(), 2, Money.ROUNDING).toPlainString());
        return value;
    }
}
