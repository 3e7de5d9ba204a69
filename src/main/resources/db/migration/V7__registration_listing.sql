-- Each registration carries its initiative's province, unit and sector (kept equal by the
-- application in the same transaction), so "how many initiatives does this province (unit, sector)
-- register in a year" is one range of one index, without reading the initiatives.
alter table registration add column province_id bigint;
alter table registration add column unit_id bigint;
alter table registration add column sector varchar(40);
update registration set
    province_id = (select i.province_id from initiative i where i.id = registration.initiative_id),
    unit_id = (select i.unit_id from initiative i where i.id = registration.initiative_id),
    sector = (select i.sector from initiative i where i.id = registration.initiative_id);
create index ix_registration_province_year on registration (province_id, reg_year, sector);
create index ix_registration_unit_year on registration (unit_id, reg_year);

-- The province lists end their order with the id, so that H2 (which only reads an index in order
-- when the index starts with every ORDER BY column) pages them straight from the index, like
-- PostgreSQL does.
drop index ix_initiative_province_sector;
drop index ix_initiative_province_sort;
create index ix_initiative_province_sector on initiative (province_id, sector, sort_key, id);
create index ix_initiative_province_sort on initiative (province_id, sort_key, id);
