-- API keys of newsroom tools and dashboards. Only the SHA-256 of each secret is stored; a revoked
-- key stays on record (revoked_at) so that the history's actors keep a meaning.
create table api_key (
    id           uuid primary key,
    name         varchar(100) not null,
    role         varchar(16)  not null check (role in ('READER', 'CHECKER', 'EDITOR', 'ADMIN')),
    prefix       varchar(16)  not null,
    secret_hash  varchar(64)  not null unique,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create unique index api_key_name_live on api_key (name) where revoked_at is null;
