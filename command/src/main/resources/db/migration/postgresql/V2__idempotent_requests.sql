-- First answers to POSTs carrying an Idempotency-Key (command module, IdempotencyFilter).
create table idempotent_request (
    idempotency_key varchar(255) not null,
    request_hash varchar(64) not null,
    status integer,
    content_type varchar(255),
    location varchar(1000),
    body bytea,
    created_at timestamp(6) with time zone not null,
    primary key (idempotency_key)
);
