-- Writers no longer wait for each other to grow the Merkle tree (V8). Until now each writing
-- transaction appended its leaves at COMMIT under the one tree-head row lock, which it then held
-- through the commit's WAL flush: every write to any claim waited for the previous one to finish
-- committing, and commits stopped being flushed in groups.
--
-- Now a writing transaction stores each entry's leaf hash, in the same transaction, in
-- ledger_leaf_pending: no shared row, no wait. The leaf's place in the tree and the inner nodes it
-- completes are settled by ledger_seal() for the prefix that can no longer change: the entries of
-- every revision below the fence (the lowest revision still in flight, as the change feed reads it),
-- in ledger order (revision, then entry), exactly the order of the feed and GET /ledger/entries.
-- The service seals moments after each commit (LedgerSealer) and before it answers anything that
-- reads the tree (checkpoints, proofs, entries), so a checkpoint holds every entry committed before
-- it was asked for, unless a lower revision is still being written.

-- The lowest revision number that may still commit: the lowest one whose transaction is running
-- (each holds the advisory lock revision_in_flight takes, V10) or else the next the sequence gives.
-- Every revision below it has ended, committed or not, when this returns.
create function revision_fence() returns bigint language sql volatile as $$
    select least((select min(objid::bigint) from pg_locks
                  where locktype = 'advisory' and classid = 20141 and objsubid = 2),
                 (select last_value + 1 from revision_id_seq))
$$;

-- Leaves written, not yet placed: rows leave only by becoming ledger_leaf rows, in ledger_seal().
create table ledger_leaf_pending (
    rev              bigint not null,
    history_entry_id bigint not null,
    hash             bytea  not null check (octet_length(hash) = 32),
    primary key (rev, history_entry_id)
);

-- The leaf's bytes (V8's layout, which GET /api/v1/ledger/entries lets anyone rebuild) from the
-- entry's and its revision's fields: one expression PostgreSQL inlines where it is used, so the
-- trigger below neither plans a function's query per entry nor reads the entry back.
create function ledger_leaf_bytes_of(entity_type text, entity_id uuid, rev bigint, at timestamptz, actor text,
        reason text, request_id text, prev_hash text, hash text, content text) returns bytea language sql stable as $$
    select convert_to(E'claim-ledger/leaf/v1\n', 'UTF8')
        || ledger_leaf_field(entity_type)
        || ledger_leaf_field(entity_id::text)
        || ledger_leaf_field(rev::text)
        || ledger_leaf_field(to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || ledger_leaf_field(actor)
        || ledger_leaf_field(reason)
        || ledger_leaf_field(request_id)
        || ledger_leaf_field(prev_hash)
        || ledger_leaf_field(hash)
        || ledger_leaf_field(content)
$$;

create or replace function ledger_leaf_bytes(entry_id bigint) returns bytea language sql stable as $$
    select ledger_leaf_bytes_of(h.entity_type, h.entity_id, h.rev, r.at, r.actor, r.reason, r.request_id,
                                h.prev_hash, h.hash, h.content)
    from history_entry h join revision r on r.id = h.rev
    where h.id = entry_id
$$;

create or replace function ledger_append_entry() returns trigger language plpgsql as $$
declare
    r revision%rowtype;
begin
    select * into strict r from revision where id = new.rev;
    insert into ledger_leaf_pending (rev, history_entry_id, hash)
        values (new.rev, new.id, sha256('\x00'::bytea || ledger_leaf_bytes_of(new.entity_type, new.entity_id, new.rev,
                r.at, r.actor, r.reason, r.request_id, new.prev_hash, new.hash, new.content)));
    return null;
end
$$;

-- A plain row trigger now: the leaf hash needs nothing that happens later in the transaction.
drop trigger history_entry_ledger_append on history_entry;
create trigger history_entry_ledger_append after insert on history_entry
    for each row execute function ledger_append_entry();

-- One writer's append under the head lock, no longer called.
drop function ledger_append(bigint);

-- Places every pending leaf below the fence, in ledger order, after the tree's last leaf, max_leaves
-- at a time: adds every inner node they complete (one insert per level) and moves the head; answers
-- the tree size. Sealers wait for each other on the head row; writers never do.
create function ledger_seal(max_leaves int) returns bigint language plpgsql as $$
declare
    n0    bigint;
    n     bigint;
    k     bigint;
    hi    bigint;
    fence bigint := revision_fence();
    lvl   int;
begin
    if not exists (select 1 from ledger_leaf_pending where rev < fence) then
        return (select size from ledger_head where id);
    end if;
    select size into n0 from ledger_head where id for update;
    n := n0;
    -- read again after the lock: another sealer may have placed them, and the fence may have moved
    fence := revision_fence();
    loop
        -- (a join, not "in (select ... limit)": that is re-scanned per row once it outgrows work_mem)
        with batch as (
            select rev, history_entry_id, hash from ledger_leaf_pending where rev < fence
            order by rev, history_entry_id limit max_leaves),
        placed as (
            insert into ledger_leaf (leaf_index, history_entry_id, hash)
            select n + row_number() over (order by rev, history_entry_id) - 1, history_entry_id, hash from batch)
        delete from ledger_leaf_pending p using batch b
            where p.rev = b.rev and p.history_entry_id = b.history_entry_id;
        get diagnostics k = row_count;
        exit when k = 0;
        hi := n + k;
        -- level lvl gains the complete nodes idx with n < (idx + 1) * 2^lvl <= hi
        lvl := 1;
        while (hi >> lvl) > (n >> lvl) loop
            if lvl = 1 then
                insert into ledger_node (level, idx, hash)
                    select 1, i, sha256('\x01'::bytea || a.hash || b.hash)
                    from generate_series(n >> 1, (hi >> 1) - 1) i
                    join ledger_leaf a on a.leaf_index = 2 * i
                    join ledger_leaf b on b.leaf_index = 2 * i + 1;
            else
                insert into ledger_node (level, idx, hash)
                    select lvl, i, sha256('\x01'::bytea || a.hash || b.hash)
                    from generate_series(n >> lvl, (hi >> lvl) - 1) i
                    join ledger_node a on a.level = lvl - 1 and a.idx = 2 * i
                    join ledger_node b on b.level = lvl - 1 and b.idx = 2 * i + 1;
            end if;
            lvl := lvl + 1;
        end loop;
        n := hi;
        exit when k < max_leaves;
    end loop;
    if n > n0 then
        update ledger_head set size = n where id;
    end if;
    return n;
end
$$;

-- A pending leaf is never changed, only placed.
create function ledger_leaf_pending_only_placed() returns trigger language plpgsql as $$
begin
    raise exception 'a pending ledger leaf is never changed: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;
create trigger ledger_leaf_pending_no_update before update on ledger_leaf_pending
    for each row execute function ledger_leaf_pending_only_placed();
