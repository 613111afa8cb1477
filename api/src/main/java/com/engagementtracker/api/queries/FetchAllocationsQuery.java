package com.engagementtracker.api.queries;

import com.engagementtracker.api.PersonId;

public record FetchAllocationsQuery(PersonId personId) {
}
