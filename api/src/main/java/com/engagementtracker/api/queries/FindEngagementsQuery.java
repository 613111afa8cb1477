package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementStatus;

/** One page of summaries, optionally for one customer and in one status; pages count from 0. */
public record FindEngagementsQuery(String customerId, EngagementStatus status, int page, int size) {
}
