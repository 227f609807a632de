-- V18 dropped ledger_leaf_pending: each entry's leaf hash is in its own row and the tree's position
-- (ledger_head.last_rev, last_entry) says what is placed. An instance of the previous version,
-- still running during a rolling upgrade, reads that table to tell whether a revision is written
-- but not yet in the tree (an inclusion proof answers "pending" then): without it, it answered 500.
-- This view gives it the same rows, the entries after the tree's position in ledger order (what the
-- table held), with the same columns. Nothing of this version reads it; drop it once no instance
-- of the version before V18 can run.
create view ledger_leaf_pending as
    select e.rev, e.id as history_entry_id, e.leaf_hash as hash
    from history_entry e, ledger_head h
    where h.id and e.rev >= h.last_rev and (e.rev, e.id) > (h.last_rev, h.last_entry);

comment on view ledger_leaf_pending is
    'For instances of the version before V18 during a rolling upgrade: the entries not yet placed in the Merkle tree.';
