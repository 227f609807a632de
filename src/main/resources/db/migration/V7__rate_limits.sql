-- Per-caller request counters, one row per caller and minute, shared by every instance. Unlogged:
-- counters need not survive a crash, and skipping the WAL keeps the per-request write cheap.
create unlogged table rate_limit_window (
    caller       varchar(200) not null,
    window_start timestamptz  not null,
    requests     integer      not null,
    primary key (caller, window_start)
);
