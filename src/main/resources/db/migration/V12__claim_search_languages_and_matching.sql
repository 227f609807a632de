-- Search that finds what people mean, and the indexes similar-claim matching reads.
--
-- Each claim is indexed with the text-search configuration of its own language (BCP 47 tag ->
-- one of the languages PostgreSQL ships; 'simple' otherwise), accents folded by unaccent, over
-- every field people search by: the statement first (A); location, tags, quantity subject,
-- attribution actor and claimant (B); the explanation (C). pg_trgm finds statements and locations
-- despite typos. Both extensions ship with PostgreSQL (contrib) and are
-- trusted: a database owner may create them.

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- claim_<language>: the language's stemmer, fed words whose accents unaccent removed first, so
-- that "Kaboul", "tués" and "tues" index alike and ts_headline still highlights the original text
do $$
declare
    lang text;
begin
    foreach lang in array array['arabic', 'armenian', 'basque', 'catalan', 'danish', 'dutch', 'english',
            'finnish', 'french', 'german', 'greek', 'hindi', 'hungarian', 'indonesian', 'irish', 'italian',
            'lithuanian', 'nepali', 'norwegian', 'portuguese', 'romanian', 'russian', 'serbian', 'spanish',
            'swedish', 'tamil', 'turkish', 'yiddish'] loop
        execute format('create text search configuration claim_%1$s (copy = pg_catalog.%1$s)', lang);
        execute format('alter text search configuration claim_%1$s alter mapping for hword, hword_part, word '
                       'with unaccent, %1$s_stem', lang);
    end loop;
end
$$;
create text search configuration claim_simple (copy = pg_catalog.simple);
alter text search configuration claim_simple alter mapping for hword, hword_part, word with unaccent, simple;

-- the configuration a claim of this language is indexed with; immutable (its answer depends on
-- nothing but its argument), so that the stored search column may use it
create function claim_search_config(language varchar) returns regconfig
    language sql immutable parallel safe set search_path from current as $$
select (case lower(split_part(coalesce(language, ''), '-', 1))
    when 'ar' then 'claim_arabic' when 'hy' then 'claim_armenian' when 'eu' then 'claim_basque'
    when 'ca' then 'claim_catalan' when 'da' then 'claim_danish' when 'nl' then 'claim_dutch'
    when 'en' then 'claim_english' when 'fi' then 'claim_finnish' when 'fr' then 'claim_french'
    when 'de' then 'claim_german' when 'el' then 'claim_greek' when 'hi' then 'claim_hindi'
    when 'hu' then 'claim_hungarian' when 'id' then 'claim_indonesian' when 'ga' then 'claim_irish'
    when 'it' then 'claim_italian' when 'lt' then 'claim_lithuanian' when 'ne' then 'claim_nepali'
    when 'no' then 'claim_norwegian' when 'nb' then 'claim_norwegian' when 'nn' then 'claim_norwegian'
    when 'pt' then 'claim_portuguese' when 'ro' then 'claim_romanian' when 'ru' then 'claim_russian'
    when 'sr' then 'claim_serbian' when 'es' then 'claim_spanish' when 'sv' then 'claim_swedish'
    when 'ta' then 'claim_tamil' when 'tr' then 'claim_turkish' when 'yi' then 'claim_yiddish'
    else 'claim_simple' end)::regconfig
$$;

-- unaccent with its dictionary named, immutable for the trigram index on the statement
create function claim_unaccent(text) returns text
    language sql immutable parallel safe strict set search_path from current as $$
select unaccent('unaccent'::regdictionary, $1)
$$;

-- what the typo fallback compares the search text with: the statement and the location, accents folded
create function claim_fuzzy_text(statement varchar, location varchar) returns text
    language sql immutable parallel safe set search_path from current as $$
select unaccent('unaccent'::regdictionary, coalesce(statement, '') || ' ' || coalesce(location, ''))
$$;

create function claim_tags_text(tags text[]) returns text
    language sql immutable parallel safe set search_path from current as $$
select coalesce(array_to_string(tags, ' '), '')
$$;

drop index claim_search;
alter table claim drop column search;
-- the claim's configuration, stored: searches compare it per row without calling the function
alter table claim add column search_config regconfig generated always as (claim_search_config(language)) stored;
alter table claim add column search tsvector generated always as (
    setweight(to_tsvector(claim_search_config(language), coalesce(statement, '')), 'A') ||
    setweight(to_tsvector(claim_search_config(language),
        coalesce(location, '') || ' ' || claim_tags_text(tags) || ' ' || coalesce(quantity_subject, '') || ' '
            || coalesce(attribution_actor, '') || ' ' || coalesce(claimant, '')), 'B') ||
    setweight(to_tsvector(claim_search_config(language), coalesce(explanation, '')), 'C')) stored;
create index claim_search on claim using gin (search) where deleted_at is null;
create index claim_search_language on claim (search_config) where deleted_at is null;

-- the configurations live claims are indexed with, by a loose index scan of claim_search_language
-- (one index probe per configuration, however many claims): a search without a language filter
-- reads its text in each of them and matches each claim with the reading of its own language
create function claim_search_configs() returns setof regconfig
    language sql stable parallel safe set search_path from current as $$
with recursive configs(cfg) as (
    (select c.search_config from claim c where c.deleted_at is null order by 1 limit 1)
    union all
    select (select c.search_config from claim c
            where c.deleted_at is null and c.search_config > configs.cfg order by 1 limit 1)
    from configs where configs.cfg is not null)
select cfg from configs where cfg is not null
$$;

-- typo-tolerant search: trigrams of the statement and location
create index claim_fuzzy_trgm on claim using gin (claim_fuzzy_text(statement, location) gin_trgm_ops) where deleted_at is null;
-- the structured candidates of matching: the same measure near the same value, the same actor
create index claim_quantity on claim (quantity_measure, quantity_value) where deleted_at is null and quantity_measure is not null;
create index claim_attribution_actor on claim (lower(attribution_actor), created_at) where deleted_at is null and attribution_actor is not null;
