package com.engagementtracker.query.billing;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.StatementStatus;
import com.engagementtracker.api.queries.GainShareStatement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A gain-share statement as finance and the customer see it, kept whole as JSON (with the settlement's
 * breakdown); its status and period are columns for the queries that filter on them.
 */
@Entity
@Table(name = "gain_share_statement")
class StatementRow {

    @Id
    @Column(length = 36)
    String id;
    @Column(name = "engagement_id", nullable = false, length = 36)
    String engagementId;
    @Column(name = "period_start", nullable = false)
    LocalDate periodStart;
    @Column(name = "period_end", nullable = false)
    LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    StatementStatus status;
    /** the supplier's share as finally agreed: what billing adds up without reading the whole statement */
    @Column(name = "supplier_share", nullable = false, precision = 19, scale = 4)
    BigDecimal supplierShare;
    /** not a @Lob: that would be a large object on PostgreSQL */
    @Column(name = "statement_json", nullable = false, length = 1_000_000)
    String statementJson;

    protected StatementRow() {
        // for JPA
    }

    StatementRow(EngagementId engagementId, GainShareStatement statement) {
        this.id = statement.id().value();
        this.engagementId = engagementId.value();
        this.periodStart = statement.periodStart();
        this.periodEnd = statement.periodEnd();
        update(statement);
    }

    GainShareStatement statement() {
        return JSON.readValue(statementJson, GainShareStatement.class);
    }

    void update(GainShareStatement statement) {
        this.status = statement.status();
        this.supplierShare = statement.supplierShare().amount();
        this.statementJson = JSON.writeValueAsString(statement);
    }

    private static final class JSON {
        // Jackson 2, as for events: the statement's value types are built to round-trip through it
        private static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();

        static <T> T readValue(String json, Class<T> type) {
            try {
                return MAPPER.readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored statement no longer reads back", e);
            }
        }

        static String writeValueAsString(Object value) {
            try {
                return MAPPER.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a statement cannot be written as JSON", e);
            }
        }
    }
}
