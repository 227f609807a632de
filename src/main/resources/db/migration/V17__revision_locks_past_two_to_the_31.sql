-- A revision in flight holds an advisory lock named after its number (V10; a checkpoint's number too,
-- V14), which the fence reads back from pg_locks. The lock's key was (20141, number::int): from
-- revision 2^31 on, that cast fails and so would every write. The number now spreads over both keys:
-- (20141 + number / 2^31, number % 2^31), which for every number below 2^31 is the very same lock as
-- before, so instances still running the previous version during an upgrade are fenced as before.

create function revision_lock(id bigint) returns void language sql volatile as $$
    select pg_advisory_xact_lock_shared((20141 + id / 2147483648)::int, (id % 2147483648)::int)
$$;

-- The numbers of the revisions (and checkpoints) whose transactions are running now.
create function revisions_in_flight() returns setof bigint language sql volatile as $$
    select (classid::bigint - 20141) * 2147483648 + objid::bigint from pg_locks
    where locktype = 'advisory' and objsubid = 2 and classid >= 20141 and classid < 20141 + 4096
$$;

create or replace function revision_in_flight() returns trigger language plpgsql as $$
begin
    perform revision_lock(new.id);
    return new;
end
$$;

create or replace function ledger_checkpoint_in_order() returns trigger language plpgsql as $$
begin
    new.revision := nextval('revision_id_seq');
    perform revision_lock(new.revision);
    perform pg_notify('claims_ledger', new.revision::text);
    return new;
end
$$;

create or replace function revision_fence() returns bigint language sql volatile as $$
    select least((select min(r) from revisions_in_flight() r), (select last_value + 1 from revision_id_seq))
$$;
