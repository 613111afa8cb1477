-- The engagement summary read model (query module, EngagementSummaryProjection).
create table engagement_summary (
    id varchar(36) not null,
    customer_id varchar(255) not null,
    customer_name varchar(255) not null,
    title varchar(255) not null,
    status varchar(16) not null,
    model varchar(16),
    currency varchar(3) not null,
    planned_start date not null,
    planned_end date not null,
    started_on date,
    ended_on date,
    primary key (id)
);
create index ix_engagement_summary_customer on engagement_summary (customer_id, status);

create table engagement_person (
    assignment_id varchar(36) not null,
    engagement_id varchar(36) not null,
    person_id varchar(64) not null,
    display_name varchar(255) not null,
    organisation_kind varchar(16) not null,
    organisation_name varchar(255),
    role varchar(255) not null,
    allocation_percent numeric(5,2) not null,
    from_date date not null,
    to_date date not null,
    released_on date,
    primary key (assignment_id)
);
create index ix_engagement_person_engagement on engagement_person (engagement_id, person_id);
create index ix_engagement_person_person on engagement_person (person_id);

create table engagement_metric (
    id varchar(101) not null,
    engagement_id varchar(36) not null,
    metric_id varchar(64) not null,
    position integer not null,
    name varchar(255) not null,
    unit varchar(64) not null,
    direction varchar(16) not null,
    baseline_value numeric(38,12) not null,
    latest_recording_id varchar(36),
    latest_value numeric(38,12),
    latest_date date,
    primary key (id)
);
create index ix_engagement_metric_engagement on engagement_metric (engagement_id);
