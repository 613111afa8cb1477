-- Axon's sequenced dead-letter queue (JPA), one queue per processing group: an event a projection could
-- not handle waits here, with the later events of its engagement behind it, while every other engagement
-- goes on updating (query module, DeadLetters).
create table dead_letter_entry (
    dead_letter_id varchar(255) not null,
    processing_group varchar(255) not null,
    sequence_identifier varchar(255) not null,
    sequence_index bigint not null,
    message_type varchar(255) not null,
    event_identifier varchar(255) not null,
    time_stamp varchar(255) not null,
    payload_type varchar(255) not null,
    payload_revision varchar(255),
    payload bytea not null,
    meta_data bytea,
    type varchar(255),
    aggregate_identifier varchar(255),
    sequence_number bigint,
    token_type varchar(255),
    token bytea,
    enqueued_at timestamp(6) with time zone not null,
    last_touched timestamp(6) with time zone,
    processing_started timestamp(6) with time zone,
    cause_type varchar(255),
    cause_message varchar(1023),
    diagnostics bytea,
    primary key (dead_letter_id)
);
create index ix_dead_letter_group on dead_letter_entry (processing_group);
create index ix_dead_letter_sequence on dead_letter_entry (processing_group, sequence_identifier);
create unique index ux_dead_letter_index on dead_letter_entry (processing_group, sequence_identifier, sequence_index);
