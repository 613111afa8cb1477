package com.engagementtracker.command.web;

import org.springframework.data.jpa.repository.JpaRepository;

interface IdempotentRequests extends JpaRepository<IdempotentRequest, String> {
}
