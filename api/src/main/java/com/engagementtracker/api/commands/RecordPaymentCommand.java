package com.engagementtracker.api.commands;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.PaymentId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordPaymentCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        PaymentId paymentId,
        Money amount,
        String reference,
        LocalDate receivedOn) {
}
