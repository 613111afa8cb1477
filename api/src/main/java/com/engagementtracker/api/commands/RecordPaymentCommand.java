package com.engagementtracker.api.commands;

import com.engagementtracker.api.Money;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordPaymentCommand(@TargetAggregateIdentifier String engagementId, String paymentId, Money amount, String reference,
                                   LocalDate receivedOn) {
}
