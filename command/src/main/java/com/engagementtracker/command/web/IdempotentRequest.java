package com.engagementtracker.command.web;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first answer to a POST with an {@code Idempotency-Key}, kept to answer its retries. */
@Entity
@Table(name = "idempotent_request")
class IdempotentRequest {

    @Id
    @Column(name = "idempotency_key", length = 255)
    private String key;
    @Column(name = "request_hash", length = 64, nullable = false)
    private String requestHash;
    /** null while the first request is still being handled */
    @Column(name = "status")
    private Integer status;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "location", length = 1000)
    private String location;
    @Column(name = "body", length = 1_000_000)
    private byte[] body;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotentRequest() {
        // for JPA
    }

    IdempotentRequest(String key, String requestHash, Instant createdAt) {
        this.key = key;
        this.requestHash = requestHash;
        this.createdAt = createdAt;
    }

    void answered(int status, String contentType, String location, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.location = location;
        this.body = body;
    }

    String requestHash() {
        return requestHash;
    }

    Integer status() {
        return status;
    }

    String contentType() {
        return contentType;
    }

    String location() {
        return location;
    }

    byte[] body() {
        return body;
    }
}
