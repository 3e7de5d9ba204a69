-- As on PostgreSQL (a province's summary read from the index), without INCLUDE, which H2 does not have.
create index ix_registration_tally_cover on registration_tally
    (reg_year, province_id, unit_id, sector, status, kind, holder, featured, workflow_state, n);
drop index ix_registration_tally_year;
