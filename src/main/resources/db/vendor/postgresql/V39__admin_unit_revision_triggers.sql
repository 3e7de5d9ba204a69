-- Every statement that changes the unit structure moves its revision on (see V38), once per transaction:
-- an import of the official lists writes thousands of rows and moves it by one.
alter table admin_unit_revision add column changed_in bigint;

create function admin_unit_revision_next() returns trigger language plpgsql as $$
begin
    update admin_unit_revision set revision = revision + 1, changed_in = txid_current()
     where id = 1 and changed_in is distinct from txid_current();
    return null;
end
$$;

create trigger admin_unit_changed after insert or update or delete or truncate on admin_unit
    for each statement execute function admin_unit_revision_next();
create trigger admin_unit_successor_changed after insert or update or delete or truncate on admin_unit_successor
    for each statement execute function admin_unit_revision_next();
