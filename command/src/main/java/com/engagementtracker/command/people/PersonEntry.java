package com.engagementtracker.command.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person of the directory: the name, until the person is forgotten. */
@Entity
@Table(name = "person_directory")
class PersonEntry {

    @Id
    @Column(name = "person_id", length = 64)
    String personId;
    @Column(name = "display_name")
    String displayName;
    @Column(name = "forgotten_at")
    Instant forgottenAt;

    protected PersonEntry() {
        // for JPA
    }

    PersonEntry(String personId) {
        this.personId = personId;
    }
}
