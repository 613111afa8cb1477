-- Axon's JDBC storage engine inserts events without their global index and lets the database number them
-- from the same sequence (see CommandConfiguration.eventStorageEngine): no round trip per event for the number.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
