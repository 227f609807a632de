-- Full-text search over what a claim says, who says it and why it has its status. Weighted so that
-- a match in the statement ranks above one in the claimant, and that above one in the explanation.
alter table claim add column search tsvector generated always as (
    setweight(to_tsvector('english', coalesce(statement, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(claimant, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(explanation, '')), 'C')) stored;
create index claim_search on claim using gin (search) where deleted_at is null;
