-- The verification workflow: when a verdict was given, which claim supersedes this one and when,
-- and whether the claimant is a person or an organisation (for ClaimReview).
alter table claim add column verdict_at timestamptz;
alter table claim add column superseded_by uuid references claim (id);
alter table claim add column superseded_at timestamptz;
alter table claim add column claimant_kind varchar(16) check (claimant_kind in ('PERSON', 'ORGANIZATION'));
create index claim_superseded_by on claim (superseded_by) where superseded_by is not null;

alter table claim_aud add column verdict_at timestamptz;
alter table claim_aud add column superseded_by uuid;
alter table claim_aud add column superseded_at timestamptz;
alter table claim_aud add column claimant_kind varchar(16);
