package com.engagementtracker.command;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Where the events are stored in the database (migration V1): the tables and columns of Axon's JPA storage engine,
 * which stored them first, as Axon's JDBC storage engine names them. The product's event store and the benchmark
 * harness read them through this one mapping.
 */
public final class EventTables {

    public static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
            .build();

    private EventTables() {
    }
}
