-- The live change feed and the webhooks read the ledger (revision + history_entry); nothing here
-- copies an event. Every new revision wakes the instances that follow the ledger: pg_notify in the
-- writing transaction is delivered when it commits, and never when it rolls back. A notification
-- that is lost only delays a reader, which also polls the ledger every second.

create function revision_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('claims_ledger', new.id::text);
    return null;
end
$$;

create trigger revision_notify after insert on revision for each row execute function revision_notify();

-- A subscription to the ledger's events, delivered by HTTP POST under the Standard Webhooks scheme.
-- The signing secret must be kept readable to sign; previous_secret still signs until it expires.
create table webhook (
    id                       uuid primary key,
    url                      varchar(2048) not null,
    description              varchar(500),
    events                   text[]        not null,
    enabled                  boolean       not null,
    disabled_reason          varchar(1000),
    secret                   varchar(200)  not null,
    previous_secret          varchar(200),
    previous_secret_until    timestamptz,
    -- the ledger revision up to which this subscription's deliveries have been created
    cursor                   bigint        not null,
    -- when the dispatcher should look at this subscription next, and which instance holds it until when
    next_run_at              timestamptz   not null,
    lease_until              timestamptz,
    lease_token              uuid,
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null,
    version                  bigint        not null default 0
);
create index webhook_due on webhook (next_run_at) where enabled;

-- One row per event a subscription attempted to deliver: it names the ledger entry, the body is
-- rebuilt from the ledger at each attempt, so a redelivery carries the same webhook-id and body.
create table webhook_delivery (
    id                uuid primary key,
    webhook_id        uuid          not null references webhook (id) on delete cascade,
    message_id        varchar(100)  not null,
    revision          bigint        not null,
    -- the entry's place within its revision, as the ledger orders them
    seq               integer       not null,
    entity_type       varchar(16)   not null,
    entity_id         uuid          not null,
    event             varchar(100)  not null,
    status            varchar(16)   not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts          integer       not null default 0,
    first_attempt_at  timestamptz,
    last_attempt_at   timestamptz,
    next_attempt_at   timestamptz   not null,
    last_status_code  integer,
    last_error        varchar(500),
    response_excerpt  varchar(1000),
    delivered_at      timestamptz,
    created_at        timestamptz   not null,
    unique (webhook_id, message_id)
);
create index webhook_delivery_order on webhook_delivery (webhook_id, revision, seq);
create index webhook_delivery_pending on webhook_delivery (webhook_id, revision, seq) where status = 'PENDING';

-- Never skip a revision: a transaction takes its xid at its first write and its revision number
-- later, so "every transaction older than the oldest running one has ended" does not mean "every
-- lower revision has ended" (revision.xid stays, but the feed no longer relies on it). Each transaction holds a lock named after its revision until it ends; a
-- reader first takes the lowest such number (or the next one the sequence would give) as its
-- fence, then reads only revisions below it (HistoryRepository.feed).
create function revision_in_flight() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(20141, new.id::int);
    return new;
end
$$;

create trigger revision_in_flight before insert on revision for each row execute function revision_in_flight();
