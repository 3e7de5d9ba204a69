-- Each registration keeps the classification it was registered (and, later, recognised) with: kind,
-- holder, featured flag and target groups join the province, unit and sector it already carries
-- (V7). Edits to the initiative reach only the registrations of open years; a recognised year's
-- registration, and so the reports of that year, keep what the decision recognised.
alter table registration add column kind varchar(10);
alter table registration add column holder varchar(12);
alter table registration add column featured boolean default false not null;
alter table registration add column ethnic_minority boolean default false not null;
alter table registration add column religious boolean default false not null;
update registration set
    kind = (select i.kind from initiative i where i.id = registration.initiative_id),
    holder = (select i.holder from initiative i where i.id = registration.initiative_id),
    featured = (select i.featured from initiative i where i.id = registration.initiative_id),
    ethnic_minority = (select i.ethnic_minority from initiative i where i.id = registration.initiative_id),
    religious = (select i.religious from initiative i where i.id = registration.initiative_id);
alter table registration alter column kind set not null;
alter table registration alter column holder set not null;
