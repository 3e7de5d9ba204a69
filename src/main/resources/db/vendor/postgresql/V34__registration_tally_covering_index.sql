-- A province's summary reads every kept count of its provinces and year: from the index alone (past years are
-- all-visible after a vacuum), where the rows, scattered over the table by years of upserts, cost a page each.
create index ix_registration_tally_cover on registration_tally
    (reg_year, province_id, unit_id, sector, status, kind, holder, featured, workflow_state) include (n);
drop index ix_registration_tally_year;
