-- The billing read model's own copy of each issued invoice (month and total), for the reconciliation's
-- "invoiced" and the summary's "invoicedToDate": each projection keeps the tables it reads.
create table billing_invoice (
    id varchar(36) not null,
    engagement_id varchar(36) not null,
    invoice_month varchar(7) not null,
    total numeric(19,4) not null,
    primary key (id)
);
create index ix_billing_invoice_engagement on billing_invoice (engagement_id);
