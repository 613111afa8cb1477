package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.PaymentId;
import java.time.LocalDate;

public record PaymentRecordedEvent(EngagementId engagementId, PaymentId paymentId, Money amount, String reference,
                                   LocalDate receivedOn) {
}
