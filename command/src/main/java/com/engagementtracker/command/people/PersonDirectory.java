package com.engagementtracker.command.people;

import com.engagementtracker.api.PersonId;
import com.engagementtracker.api.queries.FindPersonNamesQuery;
import com.engagementtracker.api.queries.PersonNames;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where people's names live, apart from the events that are kept for ever. An assignment introduces a
 * person by name; readers ask for names by id ({@link FindPersonNamesQuery}); forgetting a person blanks
 * the name for good, and every reader then shows {@link PersonNames#FORMER_PARTICIPANT}, rebuilt read
 * models included, while every fact and figure about the person's work stays.
 */
@Component
public class PersonDirectory {

    private final PersonEntries entries;
    private final Clock clock;

    PersonDirectory(PersonEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records the name a person goes by; a forgotten person assigned again is known again under the new name. */
    @Transactional
    public void introduce(PersonId personId, String displayName) {
        PersonEntry entry = entries.findById(personId.value()).orElseGet(() -> new PersonEntry(personId.value()));
        entry.displayName = displayName;
        entry.forgottenAt = null;
        entries.save(entry);
    }

    /** Puts back an entry as a backup holds it: a name, or none and when it was forgotten. */
    @Transactional
    public void restore(PersonId personId, String displayName, Instant forgottenAt) {
        PersonEntry entry = entries.findById(personId.value()).orElseGet(() -> new PersonEntry(personId.value()));
        entry.displayName = forgottenAt == null ? displayName : null;
        entry.forgottenAt = forgottenAt;
        entries.save(entry);
    }

    /** Erases the person's name; false when the directory never knew the person. */
    @Transactional
    public boolean forget(PersonId personId) {
        return entries.findById(personId.value()).map(entry -> {
            entry.displayName = null;
            if (entry.forgottenAt == null) {
                entry.forgottenAt = clock.instant();
            }
            return true;
        }).orElse(false);
    }

    @QueryHandler
    public PersonNames handle(FindPersonNamesQuery query) {
        Map<String, String> names = entries.findAllById(query.personIds().stream().map(PersonId::value).toList()).stream()
                .filter(entry -> entry.displayName != null)
                .collect(Collectors.toMap(entry -> entry.personId, entry -> entry.displayName));
        return new PersonNames(names);
    }
}
