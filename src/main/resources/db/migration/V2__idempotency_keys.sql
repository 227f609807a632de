-- Idempotency keys of POST requests: the first successful response for a (caller, key), replayed
-- to any retry. The row is written in the same transaction as the create it guards, so a key never
-- outlives a rolled-back create and a crash leaves no key stuck "in flight".
create table idempotency_key (
    caller       varchar(200)  not null,
    key          varchar(255)  not null,
    request_hash varchar(64)   not null,
    status       integer       not null,
    body         text          not null,
    location     varchar(2048),
    etag         varchar(100),
    created_at   timestamptz   not null,
    primary key (caller, key)
);
create index idempotency_key_created on idempotency_key (created_at);
