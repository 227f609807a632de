-- Stored checkpoints take their place in the change feed (event ledger.checkpoint): each gets a
-- number from the revisions' sequence when it is stored, is fenced like a revision while its
-- transaction runs (the advisory lock revision_in_flight takes, so a feed reader never passes it
-- before it commits), and wakes the instances that follow the ledger, as a new revision does.
-- Checkpoints stored before this migration have no number and are not replayed by the feed.
alter table ledger_checkpoint add column revision bigint unique;

create function ledger_checkpoint_in_order() returns trigger language plpgsql as $$
begin
    new.revision := nextval('revision_id_seq');
    perform pg_advisory_xact_lock_shared(20141, new.revision::int);
    perform pg_notify('claims_ledger', new.revision::text);
    return new;
end
$$;

create trigger ledger_checkpoint_in_order before insert on ledger_checkpoint
    for each row execute function ledger_checkpoint_in_order();

-- A webhook delivers checkpoints too (a subscription to ledger.checkpoint): such a delivery
-- concerns no claim or article.
alter table webhook_delivery alter column entity_type drop not null, alter column entity_id drop not null;
