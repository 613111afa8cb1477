package com.engagementtracker.command.people;

import org.springframework.data.jpa.repository.JpaRepository;

interface PersonEntries extends JpaRepository<PersonEntry, String> {
}
