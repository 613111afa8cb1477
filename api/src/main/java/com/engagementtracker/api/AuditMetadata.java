package com.engagementtracker.api;

/**
 * The metadata every command, and every event it causes, carries about who caused it: the signed-in
 * principal, their role, and the correlation id of the request (Axon's {@code traceId}, which it passes
 * from a command to its events).
 */
public final class AuditMetadata {

    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String CORRELATION_ID = "traceId";

    private AuditMetadata() {
    }
}
