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

create or replace function ledger_append_entry() returns trigger language plpgsql as $$
begin
    insert into ledger_leaf_pending (rev, history_entry_id, hash)
        values (new.rev, new.id, sha256('\x00'::bytea || ledger_leaf_bytes(new.id)));
    return null;
end
$$;

-- One writer's append under the head lock, no longer called.
drop function ledger_append(bigint);

-- Places up to max_leaves pending leaves below the fence, in ledger order, after the tree's last
-- leaf, adds every inner node they complete (one insert per level), and moves the head; answers the
-- tree size. Sealers wait for each other on the head row; writers never do.
create function ledger_seal(max_leaves int) returns bigint language plpgsql as $$
declare
    n     bigint;
    k     bigint;
    hi    bigint;
    fence bigint := revision_fence();
    lvl   int := 1;
begin
    if not exists (select 1 from ledger_leaf_pending where rev < fence) then
        return (select size from ledger_head where id);
    end if;
    select size into n from ledger_head where id for update;
    -- read again after the lock: another sealer may have placed them, and the fence may have moved
    fence := revision_fence();
    with placed as (
        delete from ledger_leaf_pending where (rev, history_entry_id) in (
            select rev, history_entry_id from ledger_leaf_pending where rev < fence
            order by rev, history_entry_id limit max_leaves)
        returning rev, history_entry_id, hash)
    insert into ledger_leaf (leaf_index, history_entry_id, hash)
        select n + row_number() over (order by rev, history_entry_id) - 1, history_entry_id, hash from placed;
    get diagnostics k = row_count;
    hi := n + k;
    -- level lvl gains the complete nodes idx with n < (idx + 1) * 2^lvl <= hi
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
    if k > 0 then
        update ledger_head set size = hi where id;
    end if;
    return hi;
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
