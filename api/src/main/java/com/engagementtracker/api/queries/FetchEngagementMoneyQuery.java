package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;
import java.util.List;

/** The money to date of these engagements, as the billing read model knows it (a page of summaries asks once). */
public record FetchEngagementMoneyQuery(List<EngagementId> engagementIds) {

    public FetchEngagementMoneyQuery {
        engagementIds = List.copyOf(engagementIds);
    }
}
