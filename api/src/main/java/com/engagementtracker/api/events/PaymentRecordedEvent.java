package com.engagementtracker.api.events;

import com.engagementtracker.api.Money;
import java.time.LocalDate;

public record PaymentRecordedEvent(String engagementId, String paymentId, Money amount, String reference,
                                   LocalDate receivedOn) {
}
