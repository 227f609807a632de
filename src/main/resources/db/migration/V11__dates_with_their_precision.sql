-- A claim's dates keep the precision their source gives (ISO 8601 / EDTF level 0): a day
-- 2021-08-26, a month 2019-05, a year 2015, or an interval 2019/2020. The text is kept as given; the
-- first and last day it can mean are kept beside it, for filters that compare ranges. Every date
-- recorded so far is a day: its text is the ISO date (as the API has always shown it, so the
-- canonical JSON of the history chains is unchanged), and both bounds are that day.
alter table claim
    alter column claim_date type varchar(21) using to_char(claim_date, 'YYYY-MM-DD'),
    alter column event_date type varchar(21) using to_char(event_date, 'YYYY-MM-DD'),
    add column claim_date_first date,
    add column claim_date_last  date,
    add column event_date_first date,
    add column event_date_last  date;

update claim set claim_date_first = claim_date::date, claim_date_last = claim_date::date where claim_date is not null;
update claim set event_date_first = event_date::date, event_date_last = event_date::date where event_date is not null;

alter table claim
    add constraint claim_date_bounds check ((claim_date is null) = (claim_date_first is null)
        and (claim_date is null) = (claim_date_last is null) and claim_date_first <= claim_date_last),
    add constraint event_date_bounds check ((event_date is null) = (event_date_first is null)
        and (event_date is null) = (event_date_last is null) and event_date_first <= event_date_last);

create index claim_claim_date on claim (claim_date_first, claim_date_last) where deleted_at is null;
create index claim_event_date on claim (event_date_first, event_date_last) where deleted_at is null;

-- the audit copies keep the text only (ALTER rewrites the table; the append-only triggers guard rows)
alter table if exists claim_aud
    alter column claim_date type varchar(21) using to_char(claim_date, 'YYYY-MM-DD'),
    alter column event_date type varchar(21) using to_char(event_date, 'YYYY-MM-DD');
