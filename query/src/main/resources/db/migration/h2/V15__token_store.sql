-- The projections' positions (Axon's JPA token store) belong to the read side: a query service on a database of its
-- own creates them here. Where the app's first script already made them (databases from before this script), this
-- one changes nothing.
create table if not exists token_entry (
    processor_name varchar(255) not null,
    segment integer not null,
    token blob,
    token_type varchar(255),
    timestamp varchar(255) not null,
    owner varchar(255),
    primary key (processor_name, segment)
);
