-- As db/vendor/postgresql/V32 (read its comment); H2 has no partial index and restarts the sequence
-- with a query instead of setval.
alter table audit_entry add column chain_no bigint;
update audit_entry set chain_no = seq;
alter table audit_entry alter column prev_hash drop not null;
alter table audit_entry alter column hash drop not null;
create unique index ux_audit_entry_chain_no on audit_entry (chain_no);

create sequence audit_entry_seq start with 1;
alter sequence audit_entry_seq restart with (select coalesce(max(seq), 0) + 1 from audit_entry);
