-- Every initiative under a unit also shares that unit's province (the first id of the path), so the
-- list adds "province_id = ?" to the subtree condition and reads only that province's initiatives.
create index ix_initiative_province_sector on initiative (province_id, sector, sort_key);
-- The same list without a sector filter walks the province's initiatives in Vietnamese order.
create index ix_initiative_province_sort on initiative (province_id, sort_key);
