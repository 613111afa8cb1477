package com.engagementtracker.app.pages;

import com.engagementtracker.api.EngagementStatus;
import com.engagementtracker.api.queries.Aging;
import com.engagementtracker.api.queries.EngagementPage;
import com.engagementtracker.api.queries.FetchAgingQuery;
import com.engagementtracker.api.queries.FetchMarginsQuery;
import com.engagementtracker.api.queries.FetchReconciliationQuery;
import com.engagementtracker.api.queries.FindEngagementsQuery;
import com.engagementtracker.api.queries.Margins;
import com.engagementtracker.api.queries.Reconciliation;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The staff's pages: the account team's engagement list (with the form that opens one), every command form
 * of the engagement page submitted through {@link ApiForms}, and finance's reconciliation by month with
 * its CSV download.
 */
@Controller
class WorkPages {

    /** A page path to come back to: no scheme, no host, nothing but path characters. */
    private static final Pattern PAGE = Pattern.compile("/[A-Za-z0-9/_.-]*");

    private final QueryGateway queries;
    private final ApiForms forms;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final JsonMapper json;

    WorkPages(QueryGateway queries, ApiForms forms, ReadYourWrites readYourWrites, Clock clock, JsonMapper json) {
        this.queries = queries;
        this.forms = forms;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/engagements")
    String engagements(@RequestParam(required = false) String status, Model model) {
        EngagementStatus filter = Arrays.stream(EngagementStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        EngagementPage page = queries.query(new FindEngagementsQuery(null, filter, 0, 100), EngagementPage.class).join();
        model.addAttribute("engagements", page.content());
        model.addAttribute("total", page.totalElements());
        model.addAttribute("statuses", EngagementStatus.values());
        model.addAttribute("status", filter);
        model.asMap().putIfAbsent("forms", FormState.NONE);
        return "work/engagements";
    }

    /**
     * A form of the engagement pages: {@code POST /engagements/...} is {@code POST /api/engagements/...} (PUT
     * where the form says {@code _method=PUT}), {@code POST /people/{id}/forget} likewise. Afterwards the browser
     * goes back to the page ({@code _back}), with the API's errors next to the fields on a refusal.
     */
    @PostMapping({"/engagements", "/engagements/**", "/people/*/forget", "/billing/invoice-runs"})
    String submit(@RequestParam Map<String, String> form, HttpServletRequest request, RedirectAttributes flash)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String formId = form.getOrDefault("_form", "form").replaceAll("[^A-Za-z0-9-]", "");
        String back = form.getOrDefault("_back", "");
        if (!PAGE.matcher(back).matches()) {
            back = path.startsWith("/engagements/") ? "/engagements/" + path.split("/")[2] : "/engagements";
        }
        ApiForms.Answer answer = forms.submit(request, "PUT".equals(form.get("_method")) ? "PUT" : "POST", "/api" + path, form);
        if (answer.ok() && path.endsWith("/simulations")) {
            // nothing was stored: the page comes back with the answer, and the form with the terms tried
            flash.addFlashAttribute("simulated", SimulationView.of(answer.body(), json));
            flash.addFlashAttribute("forms", new FormState(formId, withoutControls(form), null, Map.of()));
            return "redirect:" + back + "#simulation";
        }
        if (answer.ok()) {
            readYourWrites.await();
            String done = form.getOrDefault("_done", "Done.");
            if (answer.body() != null && answer.body().get("issued") instanceof ArrayNode issued) {
                done = done + " " + issued.size() + (issued.size() == 1 ? " invoice issued." : " invoices issued.");
            }
            flash.addFlashAttribute("done", done);
            if ("/engagements".equals(path) && answer.body() != null && answer.body().hasNonNull("id")) {
                return "redirect:/engagements/" + answer.body().get("id").asString();
            }
            return "redirect:" + back;
        }
        if (answer.status() == 403 || answer.status() == 404) {
            // the page shows no form for what this user may not do: the answer goes to the top of the page
            flash.addFlashAttribute("problem", answer.problem());
            return "redirect:" + back;
        }
        Map<String, String> values = withoutControls(form);
        Map<String, String> errors = answer.fieldErrors();
        boolean allShown = !errors.isEmpty() && errors.keySet().stream()
                .allMatch(field -> values.containsKey(field) || values.containsKey(field + ".amount"));
        String problem = allShown ? "Correct the fields marked below." : answer.problem();
        flash.addFlashAttribute("forms", new FormState(formId, values, problem, errors));
        return "redirect:" + back + "#" + formId;
    }

    /** One refused line of an import, for the page: the engagement it was for, its line, field and reason. */
    record RefusedLine(String engagementId, long line, String field, String message) {
    }

    /** What an import did, in a sentence, and its refused lines. */
    record ImportSummary(String outcome, List<RefusedLine> refused) {
    }

    /**
     * The engagement page's CSV upload: the file goes to {@code POST /api/imports/recordings} as it is, and the page
     * comes back with what was stored, skipped and refused, line by line.
     */
    @PostMapping("/engagements/{id}/recordings/import")
    String importRecordings(@PathVariable String id, @RequestParam("file") MultipartFile file, HttpServletRequest request,
                            RedirectAttributes flash) throws IOException, ServletException {
        String page = "/engagements/" + id.replaceAll("[^A-Za-z0-9-]", "");
        ApiForms.Answer answer = forms.send(request, "POST", "/api/imports/recordings", file.getBytes(), "text/csv");
        if (!answer.ok()) {
            flash.addFlashAttribute("problem", answer.problem());
            return "redirect:" + page + "#import";
        }
        readYourWrites.await();
        JsonNode report = answer.body();
        List<RefusedLine> refused = new ArrayList<>();
        for (JsonNode engagement : report.get("engagements")) {
            for (JsonNode line : engagement.get("refused")) {
                refused.add(new RefusedLine(engagement.get("engagementId").asString(), line.get("line").asLong(),
                        line.get("field").asString(), line.get("message").asString()));
            }
        }
        String outcome = report.get("stored").asInt() + " recordings stored, " + report.get("duplicates").asInt()
                + " skipped as sent before, " + refused.size() + " lines refused"
                + (refused.isEmpty() ? "." : ": an engagement with a refused line stores none of its rows.");
        flash.addFlashAttribute("imported", new ImportSummary(outcome, refused));
        return "redirect:" + page + "#import";
    }

    @GetMapping("/billing/reconciliation")
    String reconciliation(@RequestParam(required = false) String month, Model model) {
        YearMonth chosen = month(month);
        model.addAttribute("month", chosen);
        model.addAttribute("reconciliation", queries.query(new FetchReconciliationQuery(chosen), Reconciliation.class).join());
        model.addAttribute("aging", queries.query(new FetchAgingQuery(), Aging.class).join().rows());
        model.addAttribute("margins", chosen == null ? null : queries.query(new FetchMarginsQuery(chosen), Margins.class).join());
        YearMonth now = YearMonth.now(clock);
        model.addAttribute("lastMonth", now.minusMonths(1));
        model.addAttribute("months", Stream.iterate(now, m -> m.minusMonths(1)).limit(24).toList());
        model.asMap().putIfAbsent("forms", FormState.NONE);
        return "work/reconciliation";
    }

    /** An invoice's PDF for the signed-in page user, through the API: the same document, the same access rule. */
    @GetMapping({"/engagements/{id}/invoices/{invoiceId}.pdf", "/portal/engagements/{id}/invoices/{invoiceId}.pdf"})
    void invoicePdf(@PathVariable String invoiceId, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        forms.download(request, response, "/api/invoices/" + invoiceId + ".pdf", "application/pdf");
    }

    /** A statement's evidence pack for the signed-in page user, through the API: the same pack, the same access rule. */
    @GetMapping({"/engagements/{id}/statements/{statementId}/evidence.zip", "/portal/engagements/{id}/statements/{statementId}/evidence.zip"})
    void evidence(@PathVariable String id, @PathVariable String statementId, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        forms.download(request, response, "/api/engagements/" + id + "/statements/" + statementId + "/evidence", "application/zip");
    }

    @GetMapping("/billing/aging.csv")
    void agingCsv(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        forms.download(request, response, "/api/billing/aging.csv", "text/csv");
    }

    /** The API's CSV, for the signed-in page user: the same document, the same access rule. */
    @GetMapping("/billing/reconciliation.csv")
    void reconciliationCsv(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        forms.download(request, response, "/api/billing/reconciliation.csv", "text/csv");
    }

    /** What the user typed into a form, without the form's own fields ({@code _form}, {@code _back}, ...). */
    private static Map<String, String> withoutControls(Map<String, String> form) {
        Map<String, String> values = new HashMap<>(form);
        values.keySet().removeIf(name -> name.startsWith("_"));
        return values;
    }

    /** A month from the page's selector; anything else (or nothing) means every month. */
    private static YearMonth month(String month) {
        try {
            return month == null || month.isBlank() ? null : YearMonth.parse(month);
        } catch (DateTimeParseException notAMonth) {
            return null;
        }
    }
}
