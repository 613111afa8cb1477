package com.engagementtracker.api.events;

import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.SubscriptionTerms;

/** {@code paymentTermsDays}: days from an invoice's issue to its due date (absent in events before invoices: 30). */
public record TermsAgreedEvent(EngagementId engagementId, BillingModel model, SubscriptionTerms subscription,
                               GainShareTerms gainShare, Integer paymentTermsDays) {

    public static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;

    /** Terms with the default payment terms. */
    public TermsAgreedEvent(EngagementId engagementId, BillingModel model, SubscriptionTerms subscription,
                            GainShareTerms gainShare) {
        this(engagementId, model, subscription, gainShare, null);
    }

    public int paymentTermsDaysOrDefault() {
        return paymentTermsDays == null ? DEFAULT_PAYMENT_TERMS_DAYS : paymentTermsDays;
    }
}
