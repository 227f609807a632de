-- One ledger: revision + history_entry become the only history. Hibernate Envers is gone, and with
-- it the *_aud tables it wrote (never read) and its clock, revision.timestamp (revision.at is the
-- time that is hashed and shown).
--
-- Before anything is dropped, every hash chain is recomputed here exactly as the service does
-- (history.HashChain): hash = SHA-256(previous hash || '\n' || envelope || '\n' || content), the
-- envelope being the revision's metadata as Jackson writes it. One chain that does not verify
-- stops the migration, which then changes nothing: investigate before migrating again.

-- A JSON string as Jackson writes it: \" \\ \b \t \n \f \r, other control characters as \u00XX
-- (upper-case hex), everything else as is; null as null.
create function pg_temp.ledger_json(value text) returns text language plpgsql immutable as $$
declare
    i int;
begin
    if value is null then
        return 'null';
    end if;
    value := replace(replace(value, '\', '\\'), '"', '\"');
    if value ~ '[\x01-\x1f]' then
        for i in 1..31 loop
            value := replace(value, chr(i), case i
                when 8 then '\b' when 9 then '\t' when 10 then '\n' when 12 then '\f' when 13 then '\r'
                else '\u00' || upper(lpad(to_hex(i), 2, '0')) end);
        end loop;
    end if;
    return '"' || value || '"';
end
$$;

-- An instant as java.time.Instant.toString() writes it: UTC, seconds always, then 0, 3 or 6
-- fraction digits (PostgreSQL keeps microseconds).
create function pg_temp.ledger_instant(at timestamptz) returns text language sql immutable as $$
    select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || case when us = 0 then ''
                when us % 1000 = 0 then '.' || lpad((us / 1000)::text, 3, '0')
                else '.' || lpad(us::text, 6, '0') end
        || 'Z'
    from (select (extract(microseconds from at at time zone 'UTC')::bigint % 1000000) as us) fraction
$$;

do $$
declare
    broken_chains bigint;
    first_broken text;
begin
    with link as (
        select h.entity_type, h.entity_id, h.rev, h.content, h.prev_hash, h.hash,
               coalesce(lag(h.hash) over chain, '') as expected_prev,
               '{"entityType":' || pg_temp.ledger_json(h.entity_type)
                   || ',"entityId":' || pg_temp.ledger_json(h.entity_id::text)
                   || ',"revision":' || h.rev
                   || ',"timestamp":' || pg_temp.ledger_json(pg_temp.ledger_instant(r.at))
                   || ',"actor":' || pg_temp.ledger_json(r.actor)
                   || ',"reason":' || pg_temp.ledger_json(r.reason)
                   || ',"requestId":' || pg_temp.ledger_json(r.request_id) || '}' as envelope
        from history_entry h
        join revision r on r.id = h.rev
        window chain as (partition by h.entity_type, h.entity_id order by h.rev)
    ), checked as (
        select entity_type, entity_id, rev,
               prev_hash = expected_prev
                   and hash = encode(sha256(convert_to(expected_prev || chr(10) || envelope || chr(10) || content,
                                                       'UTF8')), 'hex') as valid
        from link
    ), broken as (
        select entity_type, entity_id, min(rev) as first_rev from checked where not valid
        group by entity_type, entity_id
    )
    select count(*),
           string_agg(entity_type || ' ' || entity_id || ' from revision ' || first_rev, ', '
                      order by entity_type, entity_id) filter (where n <= 10)
    into broken_chains, first_broken
    from (select *, row_number() over (order by entity_type, entity_id) as n from broken) numbered;

    if broken_chains > 0 then
        raise exception 'history: % hash chain(s) do not verify: %; nothing was dropped', broken_chains, first_broken
            using hint = 'GET /api/v1/history/verify on the previous version lists them too; repair or explain them before migrating';
    end if;
end
$$;

drop function pg_temp.ledger_json(text);
drop function pg_temp.ledger_instant(timestamptz);

drop table claim_aud, source_aud, claim_article_aud, article_aud;
alter table revision drop column timestamp;
