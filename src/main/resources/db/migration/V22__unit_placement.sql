-- Where a unit that no longer exists lies in today's structure: the subtree prefix of the unit of
-- today that continues it (following the successor links, or its parent's place when it has none).
-- Null for the units in force today. A user of a unit of today sees the records of the units that it
-- continues: (u.id = :id or u.path like :prefix or u.placed_path like :prefix). Recomputed by the
-- application after every import of units and each day.
alter table admin_unit add column placed_path varchar(400) ${c_collate};
create index ix_admin_unit_placed_path on admin_unit (placed_path);
