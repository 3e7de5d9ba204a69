-- PostgreSQL finds typed words with its full-text index. The words of the folded search key are kept
-- as a tsvector (a stored generated column, so the application never writes it and it is never
-- stale), each typed word is a prefix query restricted to weight D ('mai:*D'), and the entries of
-- several words are intersected inside the GIN index. The initiative's province is one more entry,
-- 'province<id>' of weight A, which no typed word can match: a search inside a province intersects
-- its words with the province's entry in the index instead of filtering a nationwide match.
alter table initiative add column search_words tsvector
    generated always as (to_tsvector('simple', search_key)
        || setweight(to_tsvector('simple', 'province' || province_id::text), 'A')) stored;
create index ix_initiative_search_words on initiative using gin (search_words);
