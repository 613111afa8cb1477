package com.engagementtracker.api.commands;

import com.engagementtracker.api.BillingModel;
import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.GainShareTerms;
import com.engagementtracker.api.InvalidValue;
import com.engagementtracker.api.SubscriptionTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AgreeTermsCommand(
        @TargetAggregateIdentifier EngagementId engagementId,
        BillingModel model,
        SubscriptionTerms subscription,
        GainShareTerms gainShare,
        Integer paymentTermsDays) {

    /** The model names the terms it needs: a subscription for SUBSCRIPTION and HYBRID, a gain share for GAIN_SHARE and HYBRID. */
    public AgreeTermsCommand {
        if (model != null && model.hasSubscription() != (subscription != null)) {
            throw new InvalidValue("subscription", "is required for the SUBSCRIPTION and HYBRID models, and only for them");
        }
        if (model != null && model.hasGainShare() != (gainShare != null)) {
            throw new InvalidValue("gainShare", "is required for the GAIN_SHARE and HYBRID models, and only for them");
        }
        if (paymentTermsDays != null && (paymentTermsDays < 0 || paymentTermsDays > 365)) {
            throw new InvalidValue("paymentTermsDays", "must be from 0 to 365");
        }
    }

    /** Terms with the default payment terms. */
    public AgreeTermsCommand(EngagementId engagementId, BillingModel model, SubscriptionTerms subscription,
                             GainShareTerms gainShare) {
        this(engagementId, model, subscription, gainShare, null);
    }
}
