-- The verifiable ledger: every history entry, in the order its transaction committed, is a leaf of
-- one append-only Merkle tree over the whole ledger (RFC 9162 hashing: SHA-256(0x00 || leaf) for a
-- leaf, SHA-256(0x01 || left || right) for a node). See ledger/ and the README, "Verifying the ledger".
--
-- The append runs in the writing transaction, as its last step: a deferred constraint trigger on
-- history_entry fires at COMMIT, locks the one tree-head row, and adds the leaf and the nodes it
-- completes. Writers to different claims therefore wait for each other only for the append and the
-- commit that follows it; everything else they do runs in parallel.

-- Level 0 of the tree: leaf i is history entry history_entry_id.
create table ledger_leaf (
    leaf_index       bigint primary key,
    history_entry_id bigint not null unique references history_entry (id),
    hash             bytea  not null check (octet_length(hash) = 32)
);

-- Every complete inner node: node (level, idx) is the root of leaves [idx * 2^level, (idx + 1) * 2^level).
-- The root of any tree size is built from at most log2(size) of them.
create table ledger_node (
    level smallint not null check (level > 0),
    idx   bigint   not null,
    hash  bytea    not null check (octet_length(hash) = 32),
    primary key (level, idx)
);

-- The tree head: its size. The only row that changes, and only upwards.
create table ledger_head (
    id   boolean primary key default true check (id),
    size bigint  not null check (size >= 0)
);
insert into ledger_head (id, size) values (true, 0);

-- Signed checkpoints as published: append-only.
create table ledger_checkpoint (
    tree_size bigint      primary key,
    root_hash bytea       not null check (octet_length(root_hash) = 32),
    at        timestamptz not null,
    note      text        not null
);

-- The leaf's bytes, which anyone can rebuild from GET /api/v1/ledger/entries: a fixed first line,
-- then each field as <byte length>:<UTF-8 bytes>\n, or -\n when it is null.
create function ledger_leaf_field(v text) returns bytea language sql immutable as $$
    select case when v is null then '\x2d0a'::bytea
           else convert_to(octet_length(convert_to(v, 'UTF8'))::text || ':', 'UTF8') || convert_to(v, 'UTF8') || '\x0a'::bytea
           end
$$;

create function ledger_leaf_bytes(entry_id bigint) returns bytea language sql stable as $$
    select convert_to(E'claim-ledger/leaf/v1\n', 'UTF8')
        || ledger_leaf_field(h.entity_type)
        || ledger_leaf_field(h.entity_id::text)
        || ledger_leaf_field(h.rev::text)
        || ledger_leaf_field(to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || ledger_leaf_field(r.actor)
        || ledger_leaf_field(r.reason)
        || ledger_leaf_field(r.request_id)
        || ledger_leaf_field(h.prev_hash)
        || ledger_leaf_field(h.hash)
        || ledger_leaf_field(h.content)
    from history_entry h join revision r on r.id = h.rev
    where h.id = entry_id
$$;

-- Appends one history entry as the next leaf; the caller's transaction then holds the head until it ends.
create function ledger_append(entry_id bigint) returns bigint language plpgsql as $$
declare
    n       bigint;
    h       bytea;
    lvl     int := 0;
    i       bigint;
    sibling bytea;
begin
    select size into n from ledger_head where id for update;
    h := sha256('\x00'::bytea || ledger_leaf_bytes(entry_id));
    insert into ledger_leaf (leaf_index, history_entry_id, hash) values (n, entry_id, h);
    i := n;
    while i % 2 = 1 loop
        if lvl = 0 then
            select hash into strict sibling from ledger_leaf where leaf_index = i - 1;
        else
            select hash into strict sibling from ledger_node where level = lvl and idx = i - 1;
        end if;
        h := sha256('\x01'::bytea || sibling || h);
        lvl := lvl + 1;
        i := i / 2;
        insert into ledger_node (level, idx, hash) values (lvl, i, h);
    end loop;
    update ledger_head set size = n + 1 where id;
    return n;
end
$$;

create function ledger_append_entry() returns trigger language plpgsql as $$
begin
    perform ledger_append(new.id);
    return null;
end
$$;

create constraint trigger history_entry_ledger_append after insert on history_entry
    deferrable initially deferred for each row execute function ledger_append_entry();

-- The existing history, in revision order, becomes the first leaves.
do $$
declare
    e bigint;
begin
    for e in select id from history_entry order by rev, id loop
        perform ledger_append(e);
    end loop;
end
$$;

create function ledger_head_only_grows() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.size < old.size then
        raise exception 'the ledger head only grows: % on % is refused', tg_op, tg_table_name
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;
create trigger ledger_head_only_grows before update or delete on ledger_head
    for each row execute function ledger_head_only_grows();
create trigger ledger_head_no_truncate before truncate on ledger_head
    for each statement execute function history_is_append_only();

do $$
declare
    t text;
begin
    foreach t in array array['ledger_leaf', 'ledger_node', 'ledger_checkpoint']
    loop
        execute format('create trigger %I before update or delete on %I for each row execute function history_is_append_only()',
                       t || '_append_only', t);
        execute format('create trigger %I before truncate on %I for each statement execute function history_is_append_only()',
                       t || '_no_truncate', t);
    end loop;
end
$$;
