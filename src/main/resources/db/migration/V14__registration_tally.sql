-- The movement's counts, kept up to date in the same transaction as every write that changes them
-- (registering, renewing, deleting, moving an initiative to another sector or unit, changing its
-- kind, holder or featured flag, every workflow step): one row per combination of what reports
-- count, so a province's or the nation's summary adds up a few thousand rows instead of reading
-- every registration.
create table registration_tally (
    province_id    bigint      not null,
    unit_id        bigint      not null,
    reg_year       integer     not null,
    sector         varchar(40) not null,
    status         varchar(12) not null,
    kind           varchar(12) not null,
    holder         varchar(12) not null,
    featured       boolean     not null,
    workflow_state varchar(20) not null,
    n              bigint      not null,
    constraint pk_registration_tally primary key (province_id, reg_year, unit_id, sector, status, kind, holder, featured,
                                                  workflow_state)
);
create index ix_registration_tally_year on registration_tally (reg_year, province_id);

insert into registration_tally (province_id, unit_id, reg_year, sector, status, kind, holder, featured, workflow_state, n)
select r.province_id, r.unit_id, r.reg_year, r.sector, r.status, i.kind, i.holder, i.featured, r.workflow_state, count(*)
from registration r join initiative i on i.id = r.initiative_id
group by r.province_id, r.unit_id, r.reg_year, r.sector, r.status, i.kind, i.holder, i.featured, r.workflow_state;
