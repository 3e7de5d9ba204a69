-- The registry of "Dân vận khéo" models and exemplars and their yearly registrations.
create table sector (
    code     varchar(40)  not null primary key,
    name_vi  varchar(200) not null,
    name_en  varchar(200) not null,
    position integer      not null,
    active   boolean      not null default true
);
insert into sector (code, name_vi, name_en, position) values
    ('ECONOMY', 'Kinh tế', 'Economy', 1),
    ('CULTURE_SOCIETY', 'Văn hóa - xã hội', 'Culture and society', 2),
    ('DEFENCE_SECURITY', 'Quốc phòng - an ninh', 'Defence and security', 3),
    ('POLITICAL_SYSTEM', 'Xây dựng hệ thống chính trị', 'Political-system building', 4),
    ('NEW_RURAL', 'Xây dựng nông thôn mới', 'New rural development', 5);

create sequence initiative_seq start with 1 increment by 50;

-- Each initiative belongs to the unit of its time (a commune or village; a district for older data)
-- and to that unit's province, inside which its code is unique.
create table initiative (
    id                  bigint        not null primary key,
    code                varchar(30)   not null,
    province_id         bigint        not null references admin_unit (id),
    name                varchar(300)  not null,
    kind                varchar(10)   not null,
    holder              varchar(12)   not null,
    sector              varchar(40)   not null references sector (code),
    unit_id             bigint        not null references admin_unit (id),
    organisation_id     bigint        references organisation (id),
    responsible_officer varchar(200),
    start_year          integer,
    description         varchar(4000),
    method              varchar(4000),
    results             varchar(4000),
    ethnic_minority     boolean       not null default false,
    religious           boolean       not null default false,
    featured            boolean       not null default false,
    replicated_from_id  bigint        references initiative (id),
    discontinued_from   integer,
    discontinued_reason varchar(500),
    search_key          varchar(2000) ${c_collate} not null,
    sort_key            varchar(1000) ${c_collate} not null,
    created_at          timestamp with time zone not null,
    version             bigint        not null default 0
);
create unique index ux_initiative_province_code on initiative (province_id, code);
create index ix_initiative_unit_sort on initiative (unit_id, sort_key);
create index ix_initiative_organisation on initiative (organisation_id);
create index ix_initiative_replicated_from on initiative (replicated_from_id);
create index ix_initiative_sort on initiative (sort_key);

create table initiative_code_counter (
    province_id bigint  not null primary key references admin_unit (id),
    last_value  integer not null
);

create sequence registration_seq start with 1 increment by 50;

-- One registration per initiative and year: NEW or MAINTAINED, by an organisation, with the
-- workflow state of that initiative-year.
create table registration (
    id              bigint      not null primary key,
    initiative_id   bigint      not null references initiative (id),
    reg_year        integer     not null,
    status          varchar(12) not null,
    organisation_id bigint      references organisation (id),
    workflow_state  varchar(20) not null default 'DRAFT',
    version         bigint      not null default 0,
    constraint ux_registration_year unique (initiative_id, reg_year)
);
create index ix_registration_year on registration (reg_year, initiative_id);

create sequence indicator_seq start with 1 increment by 50;

-- Measurable results: households taking part, money or land mobilised, kilometres of road...
create table initiative_indicator (
    id            bigint         not null primary key,
    initiative_id bigint         not null references initiative (id),
    name          varchar(200)   not null,
    unit          varchar(50)    not null,
    indicator_year integer       not null,
    amount        numeric(18, 2) not null,
    constraint ux_indicator unique (initiative_id, name, indicator_year)
);
