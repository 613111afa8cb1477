package com.engagementtracker.command.web;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface IdempotentRequests extends JpaRepository<IdempotentRequest, String> {

    @Modifying
    @Transactional
    @Query("delete from IdempotentRequest r where r.createdAt < :before")
    int deleteCreatedBefore(Instant before);
}
