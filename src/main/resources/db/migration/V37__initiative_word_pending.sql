-- Initiatives whose word postings (initiative_word) are still to be written: a large import on H2 names its new
-- initiatives here, in its own transaction, and the postings follow just after it commits, a few hundred initiatives
-- per transaction (vn.dvk.initiative.PendingWords); writing ~17 postings for each of 100,000 rows inside the import
-- took 40 % of it. Until then H2's SQL search checks these initiatives' own search keys. PostgreSQL's search does not
-- read the postings of imported rows (its full-text index covers them): nothing is pending there.
create table initiative_word_pending (
    initiative_id bigint not null primary key references initiative (id) on delete cascade
);
