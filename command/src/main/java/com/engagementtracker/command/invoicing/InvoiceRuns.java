package com.engagementtracker.command.invoicing;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.commands.IssueInvoiceCommand;
import com.engagementtracker.api.events.InvoiceIssuedEvent;
import com.engagementtracker.api.queries.EngagementPage;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FindEngagementsQuery;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Invoice runs: for a month that has ended, every engagement's invoice ({@link Invoicing}). A second run, a
 * retry, or a run on another node at the same time is harmless: what was invoiced is not invoiced again, and
 * a collision on an engagement or on the register is retried. The run also starts by itself on the first
 * day of each month, for the month before ({@code engagement.invoicing.schedule}, a cron expression).
 */
@Component
public class InvoiceRuns {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceRuns.class);
    private static final int ATTEMPTS = 10;
    private static final int PAGE = 500;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    InvoiceRuns(CommandGateway commands, QueryGateway queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    /** Issues the month's invoices of every engagement, and answers those it issued. */
    public List<InvoiceIssuedEvent> run(YearMonth month) {
        List<InvoiceIssuedEvent> issued = new ArrayList<>();
        for (int page = 0; ; page++) {
            EngagementPage engagementsPage = queries.query(new FindEngagementsQuery(null, null, page, PAGE),
                    EngagementPage.class).join();
            for (EngagementSummary engagement : engagementsPage.content()) {
                InvoiceIssuedEvent invoice = issue(engagement.id(), month);
                if (invoice != null) {
                    issued.add(invoice);
                }
            }
            if (page + 1 >= engagementsPage.totalPages()) {
                return issued;
            }
        }
    }

    private InvoiceIssuedEvent issue(EngagementId engagementId, YearMonth month) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(new IssueInvoiceCommand(engagementId, month));
            } catch (ConcurrencyException collision) {
                if (attempt == ATTEMPTS) {
                    throw collision;
                }
                LOG.debug("invoice of {} for {} collided with another run; retrying", engagementId, month);
            }
        }
    }

    /** On the first day of each month (configurable), the invoices of the month before. */
    @Scheduled(cron = "${engagement.invoicing.schedule:0 0 2 1 * *}")
    public void monthly() {
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        LOG.info("invoice run for {}: {} invoices issued", month, run(month).size());
    }
}
