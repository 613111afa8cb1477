package com.engagementtracker.app.pages;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.StatementId;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.commands.ConfirmGainShareCommand;
import com.engagementtracker.api.commands.DisputeGainShareCommand;
import com.engagementtracker.api.queries.EngagementPage;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FetchChargesQuery;
import com.engagementtracker.api.queries.FetchMetricSeriesQuery;
import com.engagementtracker.api.queries.FetchStatementsQuery;
import com.engagementtracker.api.queries.FindEngagementQuery;
import com.engagementtracker.api.queries.FindEngagementsQuery;
import com.engagementtracker.api.queries.GainShareStatement;
import com.engagementtracker.api.queries.GainShareStatements;
import com.engagementtracker.api.queries.MetricSeries;
import com.engagementtracker.api.queries.SubscriptionCharges;
import com.engagementtracker.app.access.Access;
import com.engagementtracker.app.access.CustomerScope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer progress portal, server-rendered: a customer's engagements, and for each its metrics against
 * the baseline, its people by organisation, its statements (with Confirm and Dispute), its subscription
 * charges and the value it brought. Staff see every engagement. A customer asking for another customer's
 * engagement gets the not-found page, as for one that does not exist.
 */
@Controller
class PortalPages {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final PortalJson json;

    PortalPages(QueryGateway queries, CommandGateway commands, PortalJson json) {
        this.queries = queries;
        this.commands = commands;
        this.json = json;
    }

    /** Everyone's home for now is the portal: the account team's and finance's own pages come next. */
    @GetMapping("/")
    String home() {
        return "redirect:/portal";
    }

    @GetMapping("/portal")
    String engagements(Authentication user, Model model) {
        String customer = Access.customerOf(user).orElse(null);
        EngagementPage page = queries.query(new FindEngagementsQuery(customer, null, 0, 100), EngagementPage.class).join();
        model.addAttribute("engagements", page.content());
        model.addAttribute("customer", customer);
        return "portal/engagements";
    }

    @GetMapping("/portal/engagements/{id}")
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
        return "portal/engagement";
    }

    @PostMapping("/portal/engagements/{id}/statements/{statementId}/confirmation")
    String confirm(@PathVariable String id, @PathVariable String statementId, Authentication user, RedirectAttributes flash) {
        EngagementId engagementId = visible(id, user);
        return act(engagementId, () -> commands.sendAndWait(new ConfirmGainShareCommand(engagementId, new StatementId(statementId))),
                "Statement confirmed.", flash);
    }

    @PostMapping("/portal/engagements/{id}/statements/{statementId}/dispute")
    String dispute(@PathVariable String id, @PathVariable String statementId, @RequestParam(defaultValue = "") String reason,
                   Authentication user, RedirectAttributes flash) {
        EngagementId engagementId = visible(id, user);
        if (reason.isBlank() || reason.length() > 2000) {
            flash.addFlashAttribute("problem", "Say why you dispute the statement (up to 2,000 characters).");
            return "redirect:/portal/engagements/" + id + "#statements";
        }
        return act(engagementId, () -> commands.sendAndWait(new DisputeGainShareCommand(engagementId, new StatementId(statementId),
                reason.strip())), "Statement disputed; the account team will resolve it.", flash);
    }

    private String act(EngagementId id, Runnable command, String done, RedirectAttributes flash) {
        try {
            command.run();
            flash.addFlashAttribute("done", done);
        } catch (CommandExecutionException | IllegalArgumentException refused) {
            flash.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/portal/engagements/" + id + "#statements";
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
