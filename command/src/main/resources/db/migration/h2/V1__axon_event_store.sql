-- Axon Framework's JPA event storage engine and token store (Axon 4.13 entity mappings).
-- Global indexes are handed out one at a time (see META-INF/orm.xml) so restarts leave no gaps.
create sequence domain_event_entry_seq start with 1 increment by 1;

create table domain_event_entry (
    global_index bigint not null,
    aggregate_identifier varchar(255) not null,
    sequence_number bigint not null,
    type varchar(255),
    event_identifier varchar(255) not null,
    meta_data blob,
    payload blob not null,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    primary key (global_index),
    constraint uk_domain_event_identifier unique (event_identifier),
    constraint uk_domain_event_aggregate_sequence unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number bigint not null,
    type varchar(255) not null,
    event_identifier varchar(255) not null,
    meta_data blob,
    payload blob not null,
    payload_revision varchar(255),
    payload_type varchar(255) not null,
    time_stamp varchar(255) not null,
    primary key (aggregate_identifier, sequence_number, type),
    constraint uk_snapshot_event_identifier unique (event_identifier)
);

create table token_entry (
    processor_name varchar(255) not null,
    segment integer not null,
    token blob,
    token_type varchar(255),
    timestamp varchar(255) not null,
    owner varchar(255),
    primary key (processor_name, segment)
);
