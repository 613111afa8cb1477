package com.engagementtracker.command.invoicing;

import com.engagementtracker.api.commands.IssueInvoiceCommand;
import com.engagementtracker.api.events.InvoiceIssuedEvent;
import com.engagementtracker.command.Engagement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issues one engagement's invoice for a month that has ended: {@link Engagement#issueInvoice} decides the
 * lines, and the company's {@link InvoiceRegister} gives the next number, both in one unit of work, so that
 * a number is stored exactly when its invoice is. An engagement already invoiced for the month has no
 * lines, so issuing twice issues nothing the second time.
 */
@Component
public class Invoicing {

    private final Repository<Engagement> engagements;
    private final Repository<InvoiceRegister> registers;
    private final Clock clock;
    private final String prefix;
    private final int width;

    public Invoicing(Repository<Engagement> engagements, Repository<InvoiceRegister> registers, Clock clock,
              @Value("${engagement.invoicing.number-prefix:INV}") String prefix,
              @Value("${engagement.invoicing.number-width:6}") int width) {
        this.engagements = engagements;
        this.registers = registers;
        this.clock = clock;
        this.prefix = prefix;
        this.width = width;
    }

    /**
     * One engagement's invoice for the month, or null when it has nothing to invoice. The register is
     * loaded (and locked) only for an engagement that issues an invoice, not for every one a run visits.
     */
    @CommandHandler
    public InvoiceIssuedEvent handle(IssueInvoiceCommand command) {
        LocalDate today = LocalDate.now(clock);
        Aggregate<Engagement> engagement = engagements.load(command.engagementId().value());
        String invoiceId = UUID.randomUUID().toString();
        return engagement.invoke(e -> e.issueInvoice(invoiceId, command.month(), today, () -> nextNumber(command, today)));
    }

    private String nextNumber(IssueInvoiceCommand command, LocalDate today) {
        Aggregate<InvoiceRegister> register;
        try {
            register = registers.loadOrCreate(InvoiceRegister.COMPANY, InvoiceRegister::empty);
        } catch (RuntimeException failure) {
            throw failure;
        } catch (Exception failure) {
            // only the factory could throw a checked exception, and InvoiceRegister::empty throws none
            throw new IllegalStateException(failure);
        }
        return register.invoke(r -> r.assign(today.getYear(), prefix, width, command.engagementId(), command.month()));
    }
}
