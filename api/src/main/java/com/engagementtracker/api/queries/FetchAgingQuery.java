package com.engagementtracker.api.queries;

/** What is owed, per customer and currency, by how long it is past due, as of today. */
public record FetchAgingQuery() {
}
