package com.engagementtracker.api.queries;

import com.engagementtracker.api.PersonId;
import java.util.Map;

/**
 * Display names by person id, as the person directory holds them. A person who was forgotten, or whose name
 * the directory never had, is shown as {@link #FORMER_PARTICIPANT}.
 */
public record PersonNames(Map<String, String> names) {

    public static final String FORMER_PARTICIPANT = "former participant";

    public PersonNames {
        names = Map.copyOf(names);
    }

    public String nameOf(PersonId personId) {
        return names.getOrDefault(personId.value(), FORMER_PARTICIPANT);
    }
}
