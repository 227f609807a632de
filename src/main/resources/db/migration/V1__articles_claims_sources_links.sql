-- Articles, the claims they make, the sources behind each claim, and the links between claims and
-- articles. Nothing is physically deleted by the API: deleted_at marks a soft delete. version is
-- the optimistic-lock counter that every ETag is made from.

create table article (
    id           uuid primary key,
    url          varchar(2048) not null,
    url_key      varchar(2048) not null,
    title        varchar(1000),
    publisher    varchar(500),
    authors      text[]        not null default '{}',
    published_at timestamptz,
    language     varchar(35),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      bigint        not null,
    deleted_at   timestamptz
);
-- one live article per normalised url
create unique index article_url_key_live on article (url_key) where deleted_at is null;
create index article_created on article (created_at, id) where deleted_at is null;
create index article_updated on article (updated_at, id) where deleted_at is null;
create index article_publisher on article (lower(publisher), created_at, id) where deleted_at is null;

create table claim (
    id                        uuid primary key,
    statement                 varchar(2000) not null,
    type                      varchar(32)   not null
        check (type in ('CASUALTY_COUNT', 'ATTRIBUTION', 'QUANTITY', 'EVENT', 'QUOTE', 'OTHER')),
    claimant                  varchar(500),
    claim_date                date,
    language                  varchar(35),
    location                  varchar(500),
    event_date                date,
    tags                      text[]        not null default '{}',
    status                    varchar(32)   not null default 'UNVERIFIED'
        check (status in ('UNVERIFIED', 'IN_REVIEW', 'VERIFIED', 'FALSE', 'MISLEADING', 'DISPUTED',
                          'UNPROVEN', 'SUPERSEDED')),
    explanation               varchar(10000),
    quantity_measure          varchar(32)
        check (quantity_measure in ('KILLED', 'INJURED', 'MISSING', 'DISPLACED', 'ARRESTED', 'OTHER')),
    quantity_subject          varchar(500),
    quantity_qualifier        varchar(32)
        check (quantity_qualifier in ('EXACT', 'AT_LEAST', 'MORE_THAN', 'AT_MOST', 'FEWER_THAN',
                                      'APPROXIMATELY', 'RANGE')),
    quantity_value            numeric,
    quantity_upper_value      numeric,
    quantity_unit             varchar(100),
    attribution_actor         varchar(500),
    attribution_role          varchar(32)
        check (attribution_role in ('RESPONSIBLE', 'ACCUSED', 'CLAIMED_RESPONSIBILITY', 'DENIED')),
    attribution_attributed_by varchar(500),
    created_at                timestamptz   not null,
    updated_at                timestamptz   not null,
    version                   bigint        not null,
    deleted_at                timestamptz,
    check (quantity_value is null or quantity_value >= 0),
    check (quantity_upper_value is null or quantity_upper_value >= quantity_value)
);
create index claim_created on claim (created_at, id) where deleted_at is null;
create index claim_updated on claim (updated_at, id) where deleted_at is null;
create index claim_status on claim (status, created_at, id) where deleted_at is null;
create index claim_type on claim (type, created_at, id) where deleted_at is null;
create index claim_claimant on claim (lower(claimant), created_at, id) where deleted_at is null;
create index claim_tags on claim using gin (tags) where deleted_at is null;

create table source (
    id           uuid primary key,
    claim_id     uuid          not null references claim (id),
    url          varchar(2048) not null,
    title        varchar(1000),
    publisher    varchar(500),
    kind         varchar(32)
        check (kind in ('PRIMARY', 'OFFICIAL', 'NEWS_REPORT', 'SOCIAL_MEDIA', 'EXPERT', 'OTHER')),
    stance       varchar(32)
        check (stance in ('SUPPORTS', 'REFUTES', 'CONTEXT')),
    accessed_at  timestamptz,
    archived_url varchar(2048),
    note         varchar(5000),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    version      bigint        not null,
    deleted_at   timestamptz
);
create index source_claim on source (claim_id, created_at, id) where deleted_at is null;

create table claim_article (
    id         uuid primary key,
    claim_id   uuid        not null references claim (id),
    article_id uuid        not null references article (id),
    role       varchar(32) not null check (role in ('APPEARS_IN', 'CITED_BY', 'FACT_CHECKED_IN')),
    excerpt    varchar(5000),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null,
    deleted_at timestamptz,
    unique (claim_id, article_id)
);
create index claim_article_article on claim_article (article_id, claim_id) where deleted_at is null;
