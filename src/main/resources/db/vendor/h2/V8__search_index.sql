-- H2 has no inverted index of its own that fits; it finds typed words through the initiative_word
-- table (V6), intersecting the postings of the rarest words. Nothing to create here.
select 1;
