package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;
import java.time.YearMonth;

/** What the assigned people cost the supplier, per engagement, month and organisation; null fields for all of them. */
public record FetchCostsQuery(EngagementId engagementId, YearMonth month) {
}
