-- Each entry's leaf hash is now written in the entry's own row, in the same INSERT, by the service
-- (ledger/Leaf, the bytes GET /api/v1/ledger/entries lets anyone rebuild): no trigger, no revision
-- read back, no second row per entry. Since V16 a writing transaction stored it in
-- ledger_leaf_pending through a row trigger, and the sealer moved it into ledger_leaf and deleted it:
-- three row writes, an index and a plpgsql call per entry, 0.4 ms of PostgreSQL time per write.
--
-- ledger_seal() now finds the entries still to place by their position in ledger order (revision,
-- then entry): everything after the last one placed, which the tree head now records, and below
-- the fence. Nothing else changes: the same leaves, in the same order, at the same moments.

alter table history_entry add column leaf_hash bytea check (octet_length(leaf_hash) = 32);

-- Every entry written so far: the hash its leaf holds, or the one it is waiting with, or (for an
-- entry that never had either) the hash of its bytes.
alter table history_entry disable trigger history_entry_append_only;
update history_entry h set leaf_hash = coalesce(
    (select l.hash from ledger_leaf l where l.history_entry_id = h.id),
    (select p.hash from ledger_leaf_pending p where p.history_entry_id = h.id),
    sha256('\x00'::bytea || ledger_leaf_bytes(h.id)));
alter table history_entry enable trigger history_entry_append_only;
alter table history_entry alter column leaf_hash set not null;

-- An entry inserted without its leaf hash (by an instance still running the previous version during
-- an upgrade, or by hand) gets it here. The WHEN clause keeps the service's own inserts, which carry
-- the hash, from calling anything.
create function history_entry_leaf_hash() returns trigger language plpgsql as $$
declare
    r revision%rowtype;
begin
    select * into strict r from revision where id = new.rev;
    new.leaf_hash := sha256('\x00'::bytea || ledger_leaf_bytes_of(new.entity_type, new.entity_id, new.rev, r.at,
            r.actor, r.reason, r.request_id, new.prev_hash, new.hash, new.content));
    return new;
end
$$;
create trigger history_entry_leaf_hash before insert on history_entry
    for each row when (new.leaf_hash is null) execute function history_entry_leaf_hash();

drop trigger history_entry_ledger_append on history_entry;
drop function ledger_append_entry();

-- Where the tree ends in ledger order: the revision and entry of the greatest leaf placed. Leaves
-- placed before V16 went in commit order, so this is the greatest, not the last.
alter table ledger_head add column last_rev bigint not null default 0,
                        add column last_entry bigint not null default 0;
update ledger_head set last_rev = p.m[1], last_entry = p.m[2]
from (select coalesce(max(array[h.rev, h.id]), array[0, 0]::bigint[]) m
      from ledger_leaf l join history_entry h on h.id = l.history_entry_id) p
where id;

-- The leaves still waiting are entries after that position: their rows say all the sealer needs.
drop table ledger_leaf_pending;
drop function ledger_leaf_pending_only_placed();

-- Places every entry after the tree's position and below the fence, in ledger order, max_leaves at a
-- time: adds every inner node they complete (one insert per level) and moves the head; answers the
-- tree size. Sealers wait for each other on the head row; writers never do.
create or replace function ledger_seal(max_leaves int) returns bigint language plpgsql as $$
declare
    h     ledger_head%rowtype;
    n     bigint;
    k     bigint;
    hi    bigint;
    upto  bigint[];
    fence bigint := revision_fence();
    lvl   int;
begin
    select * into h from ledger_head where id;
    if not exists (select 1 from history_entry e where e.rev >= h.last_rev and e.rev < fence
                   and (e.rev, e.id) > (h.last_rev, h.last_entry)) then
        return h.size;
    end if;
    select * into h from ledger_head where id for update;
    n := h.size;
    -- read again after the lock: another sealer may have placed them, and the fence may have moved
    fence := revision_fence();
    loop
        with batch as (
            select e.rev, e.id, e.leaf_hash from history_entry e
            where e.rev >= h.last_rev and e.rev < fence and (e.rev, e.id) > (h.last_rev, h.last_entry)
            order by e.rev, e.id limit max_leaves),
        placed as (
            insert into ledger_leaf (leaf_index, history_entry_id, hash)
            select n + row_number() over (order by rev, id) - 1, id, leaf_hash from batch)
        select count(*), max(array[rev, id]) into k, upto from batch;
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
        h.last_rev := upto[1];
        h.last_entry := upto[2];
        exit when k < max_leaves;
    end loop;
    if n > h.size then
        update ledger_head set size = n, last_rev = h.last_rev, last_entry = h.last_entry where id;
    end if;
    return n;
end
$$;
