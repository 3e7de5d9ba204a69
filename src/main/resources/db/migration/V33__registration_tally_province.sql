-- The same kept counts as registration_tally (V14) without the unit: one row per province, year and
-- combination of what a summary shows, changed in the same transaction as registration_tally. The nation's
-- summary of a year adds up its provinces; from registration_tally that was every unit's rows of the year
-- (a few hundred thousand at national scale), from here it is a few thousand.
create table registration_tally_province (
    reg_year       integer     not null,
    province_id    bigint      not null,
    sector         varchar(40) not null,
    status         varchar(12) not null,
    kind           varchar(12) not null,
    holder         varchar(12) not null,
    featured       boolean     not null,
    workflow_state varchar(20) not null,
    n              bigint      not null,
    constraint pk_registration_tally_province primary key (reg_year, province_id, sector, status, kind, holder, featured,
                                                           workflow_state)
);

insert into registration_tally_province (reg_year, province_id, sector, status, kind, holder, featured, workflow_state, n)
select reg_year, province_id, sector, status, kind, holder, featured, workflow_state, sum(n)
from registration_tally
group by reg_year, province_id, sector, status, kind, holder, featured, workflow_state;

-- read model registration_province_count, owned by initiative, read by report
-- The counts of registration_tally_province, "recognised" as in registration_fact: the nation's summary by province.
create view registration_province_count as
select reg_year, province_id, sector, status, kind, holder, featured,
       workflow_state in ('RECOGNISED', 'PROPOSED', 'COMMENDED') as recognised, n
from registration_tally_province;
