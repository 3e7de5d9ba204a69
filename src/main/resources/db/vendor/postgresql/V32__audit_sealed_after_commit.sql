-- Writers no longer queue on audit_head: an entry takes its number from a sequence in the writing
-- transaction (so a rolled-back change still leaves no entry) and is chained later, in commit order,
-- by the sealer (AuditSealer), which alone locks audit_head. chain_no is the entry's place in the
-- chain (null until sealed); audit_head.last_seq now holds the last chain_no sealed. Entries written
-- before this migration were chained in seq order, so their chain_no is their seq and their hashes stand.
alter table audit_entry add column chain_no bigint;
update audit_entry set chain_no = seq;
alter table audit_entry alter column prev_hash drop not null;
alter table audit_entry alter column hash drop not null;
create unique index ux_audit_entry_chain_no on audit_entry (chain_no);
create index ix_audit_entry_unsealed on audit_entry (seq) where chain_no is null;

create sequence audit_entry_seq start with 1;
select setval('audit_entry_seq', (select coalesce(max(seq), 0) + 1 from audit_entry), false);
