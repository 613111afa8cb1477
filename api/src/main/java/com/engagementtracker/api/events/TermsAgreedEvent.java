package com.engagementtracker.api.events;

import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.SubscriptionTerms;

public record TermsAgreedEvent(EngagementId engagementId, BillingModel model, SubscriptionTerms subscription,
                               GainShareTerms gainShare) {
}
