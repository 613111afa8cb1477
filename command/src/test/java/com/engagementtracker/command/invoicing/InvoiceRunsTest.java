package com.engagementtracker.command.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.commands.IssueInvoiceCommand;
import com.engagementtracker.api.queries.EngagementPage;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FindEngagementsQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.Test;

/**
 * The run goes through every engagement, page by page, retries an engagement whose invoice collided with
 * another run, and the monthly run (on 1 July 2026 here) invoices June.
 */
class InvoiceRunsTest {

    private static final Clock JULY_FIRST = Clock.fixed(Instant.parse("2026-07-01T02:00:00Z"), ZoneOffset.UTC);

    private final List<IssueInvoiceCommand> sent = new ArrayList<>();
    private int attemptsOnE7;

    /** 1,200 engagements, so that the run reads three pages of 500. */
    public static class Engagements {
        @QueryHandler
        public EngagementPage handle(FindEngagementsQuery query) {
            int total = 1200;
            int from = query.page() * query.size();
            List<EngagementSummary> content = IntStream.range(from, Math.min(total, from + query.size()))
                    .mapToObj(i -> new EngagementSummary(new EngagementId("e-" + i), null, null, null, null, null, null, null, null,
                            null, null, null, List.of(), List.of(), null, null, null, null, null))
                    .toList();
            return new EngagementPage(content, query.page(), query.size(), total, (total + query.size() - 1) / query.size());
        }
    }

    private InvoiceRuns runs() {
        SimpleCommandBus commands = SimpleCommandBus.builder().build();
        commands.subscribe(IssueInvoiceCommand.class.getName(), message -> {
            IssueInvoiceCommand command = (IssueInvoiceCommand) message.getPayload();
            if (command.engagementId().value().equals("e-7") && ++attemptsOnE7 == 1) {
                throw new ConcurrencyException("another run issued an invoice at the same time");
            }
            sent.add(command);
            return null;
        });
        SimpleQueryBus queries = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new Engagements()).subscribe(queries);
        return new InvoiceRuns(DefaultCommandGateway.builder().commandBus(commands).build(),
                DefaultQueryGateway.builder().queryBus(queries).build(), JULY_FIRST);
    }

    @Test
    void theMonthlyRunInvoicesTheMonthBeforeForEveryEngagementRetryingACollision() {
        runs().monthly();

        assertThat(sent).hasSize(1200);
        assertThat(sent).allMatch(command -> command.month().equals(YearMonth.parse("2026-06")));
        assertThat(sent.stream().map(command -> command.engagementId().value()).distinct()).hasSize(1200);
        assertThat(attemptsOnE7).as("e-7 collided once, then went through").isEqualTo(2);
    }
}
