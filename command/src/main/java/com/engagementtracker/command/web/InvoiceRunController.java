package com.engagementtracker.command.web;

import com.engagementtracker.api.Rule;
import com.engagementtracker.api.events.InvoiceIssuedEvent;
import com.engagementtracker.api.queries.FindInvoiceQuery;
import com.engagementtracker.api.queries.Invoice;
import com.engagementtracker.api.queries.InvoiceDocument;
import com.engagementtracker.command.RuleViolationException;
import com.engagementtracker.command.invoicing.InvoiceRuns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Finance starts an invoice run for a month that has ended; the monthly run does the same by itself. */
@RestController
@RequestMapping("/api/billing")
@Tag(name = "Invoices", description = "Invoices and credit notes as issued, with what was paid on them; aging")
class InvoiceRunController {

    /** How long the answer waits for the invoices read model to show the new invoices. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final InvoiceRuns runs;
    private final QueryGateway queries;
    private final Clock clock;

    InvoiceRunController(InvoiceRuns runs, QueryGateway queries, Clock clock) {
        this.runs = runs;
        this.queries = queries;
        this.clock = clock;
    }

    record Run(@NotNull YearMonth month) {
    }

    record RunResult(YearMonth month, List<Invoice> issued) {
    }

    @PostMapping("/invoice-runs")
    @Operation(summary = "(finance) Issue the invoices of a month that has ended; a second run issues nothing new")
    RunResult run(@Valid @RequestBody Run body) throws InterruptedException {
        if (!body.month().isBefore(YearMonth.now(clock))) {
            throw new RuleViolationException(Rule.MONTH_NOT_ENDED, "invoices are issued for a month that has ended; "
                    + body.month() + " has not");
        }
        List<Invoice> issued = new ArrayList<>();
        for (InvoiceIssuedEvent invoice : runs.run(body.month())) {
            issued.add(shown(invoice.invoiceId()));
        }
        return new RunResult(body.month(), issued);
    }

    /** The invoice as the read model shows it, once it does (it follows the event store a moment later). */
    private Invoice shown(String invoiceId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            InvoiceDocument document = queries.query(new FindInvoiceQuery(invoiceId), InvoiceDocument.class).join();
            if (document != null || System.nanoTime() > deadline) {
                return document == null ? null : document.invoice();
            }
            Thread.sleep(20);
        }
    }
}
