package com.engagementtracker.api.commands;

import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.SubscriptionTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AgreeTermsCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        BillingModel model,
        SubscriptionTerms subscription,
        GainShareTerms gainShare,
        Integer paymentTermsDays) {

    /** Terms with the default payment terms. */
    public AgreeTermsCommand(EngagementId engagementId, BillingModel model, SubscriptionTerms subscription,
                             GainShareTerms gainShare) {
        this(engagementId, model, subscription, gainShare, null);
    }
}
