-- The metric series read model keeps its own copy of each metric (name, unit, direction, baseline), instead
-- of reading the summary's table: each projection can then be rebuilt alone. Filled from the summary's copy.
create table series_metric (
    id varchar(101) not null,
    engagement_id varchar(36) not null,
    metric_id varchar(64) not null,
    name varchar(255) not null,
    unit varchar(64) not null,
    direction varchar(16) not null,
    baseline_value numeric(38,12) not null,
    primary key (id)
);
insert into series_metric (id, engagement_id, metric_id, name, unit, direction, baseline_value)
    select id, engagement_id, metric_id, name, unit, direction, baseline_value from engagement_metric;
