-- Invoices (InvoiceProjection): each issued invoice as its event tells it, and what was paid on it.
create table invoice (
    id varchar(36) not null,
    number varchar(64) not null,
    document_type varchar(16) not null,
    engagement_id varchar(36) not null,
    customer_id varchar(255) not null,
    customer_name varchar(255) not null,
    invoice_month varchar(7) not null,
    issued_on date not null,
    due_on date not null,
    currency varchar(3) not null,
    total numeric(19,4) not null,
    paid numeric(19,4) not null,
    lines varchar(1000000) not null,
    issue_sequence bigint not null,
    primary key (id)
);
create index ix_invoice_engagement on invoice (engagement_id, issue_sequence);
create unique index ux_invoice_number on invoice (number);

-- The breakdown of every statement, for the gain-share lines of an invoice's PDF.
create table invoice_statement (
    statement_id varchar(36) not null,
    breakdown varchar(1000000) not null,
    primary key (statement_id)
);
