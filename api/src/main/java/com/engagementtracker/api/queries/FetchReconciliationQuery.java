package com.engagementtracker.api.queries;

import java.time.YearMonth;

/** Billed against paid, per engagement and month; {@code month} null for every month up to today. */
public record FetchReconciliationQuery(YearMonth month) {
}
