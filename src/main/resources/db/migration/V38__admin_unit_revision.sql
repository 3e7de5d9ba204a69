-- The revision of the unit structure: moved on by every statement that changes admin_unit or
-- admin_unit_successor (triggers of V39, per database), in the writing transaction. A node keeps
-- every unit and link in memory for read-only work and reads this one row to know whether what it
-- holds is still the structure (vn.dvk.adminunit.UnitStructure).
create table admin_unit_revision (
    id       int    primary key,
    revision bigint not null
);
insert into admin_unit_revision (id, revision) values (1, 0);
