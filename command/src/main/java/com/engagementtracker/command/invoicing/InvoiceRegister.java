package com.engagementtracker.command.invoicing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.events.InvoiceNumberAssignedEvent;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The company's register of invoice numbers: one sequence per calendar year of issue, consecutive without
 * gaps. A number is given out in the unit of work of the invoice that carries it, so either both are stored
 * or neither is; two nodes giving out the same number at once collide on the register's event sequence, and
 * one of them retries.
 */
@Aggregate(snapshotTriggerDefinition = "engagementSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class InvoiceRegister {

    /** There is one register: the company's. */
    public static final String COMPANY = "company-invoice-register";

    @AggregateIdentifier
    private String id;
    private final Map<Integer, Long> lastByYear = new HashMap<>();

    protected InvoiceRegister() {
    }

    /** A new register, before its first number. */
    static InvoiceRegister empty() {
        InvoiceRegister register = new InvoiceRegister();
        register.id = COMPANY;
        return register;
    }

    /** The next number of the year, such as {@code INV-2026-000001}. */
    String assign(int year, String prefix, int width, EngagementId engagementId, YearMonth month) {
        long sequence = lastByYear.getOrDefault(year, 0L) + 1;
        String number = prefix + "-" + year + "-" + String.format("%0" + width + "d", sequence);
        apply(new InvoiceNumberAssignedEvent(COMPANY, year, sequence, number, engagementId, month));
        return number;
    }

    @EventSourcingHandler
    void on(InvoiceNumberAssignedEvent event) {
        id = event.registerId();
        lastByYear.put(event.year(), event.sequence());
    }
}
