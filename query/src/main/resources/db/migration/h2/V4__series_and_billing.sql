-- Metric series (MetricSeriesProjection) and billing (BillingProjection) read models.
create table metric_recording (
    recording_id varchar(36) not null,
    engagement_id varchar(36) not null,
    metric_id varchar(64) not null,
    recorded_for date not null,
    recorded_value numeric(38,12) not null,
    original_value numeric(38,12) not null,
    corrected boolean not null,
    sequence bigint not null,
    primary key (recording_id)
);
create index ix_metric_recording_series on metric_recording (engagement_id, metric_id, recorded_for, sequence);

create table billing_engagement (
    id varchar(36) not null,
    customer_id varchar(255) not null,
    customer_name varchar(255) not null,
    currency varchar(3) not null,
    model varchar(16),
    agreed_fee numeric(19,4),
    started_on date,
    ended_on date,
    primary key (id)
);

create table subscription_fee_change (
    id varchar(36) not null,
    engagement_id varchar(36) not null,
    effective_from date not null,
    monthly_fee numeric(19,4) not null,
    sequence bigint not null,
    primary key (id)
);
create index ix_fee_change_engagement on subscription_fee_change (engagement_id);

create table gain_share_statement (
    id varchar(36) not null,
    engagement_id varchar(36) not null,
    period_start date not null,
    period_end date not null,
    status varchar(16) not null,
    supplier_share numeric(19,4) not null,
    statement_json varchar(1000000) not null,
    primary key (id)
);
create index ix_statement_engagement on gain_share_statement (engagement_id, period_start);

create table payment (
    id varchar(36) not null,
    engagement_id varchar(36) not null,
    amount numeric(19,4) not null,
    reference varchar(255) not null,
    received_on date not null,
    primary key (id)
);
create index ix_payment_engagement on payment (engagement_id);
