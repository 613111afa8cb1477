-- The nodes sharing this database, each renewing its row every few seconds (SegmentBalance).
create table cluster_node (
    node_id varchar(255) not null,
    seen_at timestamp not null,
    primary key (node_id)
);
