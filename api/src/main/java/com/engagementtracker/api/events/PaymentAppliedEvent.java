package com.engagementtracker.api.events;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.PaymentId;

/**
 * Money received settles (part of) an invoice: a payment as it arrives ({@code paymentId}), or the
 * customer's credit (from earlier overpayments and credit notes, {@code paymentId} null) when a new invoice
 * is issued.
 */
public record PaymentAppliedEvent(EngagementId engagementId, String invoiceId, PaymentId paymentId, Money amount) {
}
