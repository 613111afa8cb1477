package com.engagementtracker.api.queries;

import java.time.YearMonth;

/** Every engagement's margin in one month, and each organisation's. */
public record FetchMarginsQuery(YearMonth month) {
}
