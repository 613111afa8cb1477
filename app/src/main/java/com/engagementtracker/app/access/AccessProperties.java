package com.engagementtracker.app.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code engagement.security.*}: whether the demo users exist, and which claims of the identity provider's
 * JWTs name the role ({@code ACCOUNT_TEAM}, {@code FINANCE}, {@code CUSTOMER}, {@code ADMIN}), the customer a
 * customer user belongs to, and the user's name for the audit trail.
 */
@ConfigurationProperties("engagement.security")
public record AccessProperties(@DefaultValue("false") boolean demoUsers, @DefaultValue Jwt jwt) {

    public record Jwt(@DefaultValue("roles") String roleClaim, @DefaultValue("customer_id") String customerClaim,
                      @DefaultValue("preferred_username") String nameClaim) {
    }
}
