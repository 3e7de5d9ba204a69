-- Socio-economic outcome indicators of a unit for a year (income per head, poor-household rate,
-- new-rural communes, ...), shown beside the movement's figures.
create sequence outcome_indicator_seq start with 1 increment by 50;
create table outcome_indicator (
    id          bigint         not null primary key,
    unit_id     bigint         not null references admin_unit (id),
    reg_year    integer        not null,
    name        varchar(300)   not null,
    measure     varchar(100),
    amount      numeric(20, 4),
    note        varchar(500),
    version     bigint         not null default 0,
    constraint ux_outcome_indicator unique (unit_id, reg_year, name)
);
