-- A claim a checker confirmed to be a duplicate points at the claim the desk tracks instead. No
-- chains: the service refuses to point at a claim that is itself a duplicate.
alter table claim add column duplicate_of uuid references claim (id);
alter table claim add column duplicate_marked_at timestamptz;
create index claim_duplicate_of on claim (duplicate_of, created_at, id) where deleted_at is null and duplicate_of is not null;
