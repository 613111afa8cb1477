package com.engagementtracker.api.queries;

import com.engagementtracker.api.PersonId;
import java.util.Set;

/** The display names the person directory holds for these people. */
public record FindPersonNamesQuery(Set<PersonId> personIds) {

    public FindPersonNamesQuery {
        personIds = Set.copyOf(personIds);
    }
}
