-- Administrative units: every version of every unit, old three-level and new two-level structures at once.
-- A unit that changes parent or name in a reform gets a new row; the old row keeps its validity and
-- points to its successors. `path` is the materialised path of the ancestors' ids ("/1/25/"), so
-- everything under unit 25 is one index range scan: path LIKE '/1/25/%'.
create sequence admin_unit_seq start with 1 increment by 50;

create table admin_unit (
    id          bigint       not null primary key,
    code        varchar(20)  not null,
    name        varchar(200) not null,
    full_name   varchar(250) not null,
    level       varchar(10)  not null,
    type        varchar(30)  not null,
    parent_id   bigint       references admin_unit (id),
    path        varchar(400) ${c_collate} not null,
    valid_from  date,
    valid_to    date,
    search_key  varchar(250) ${c_collate} not null,
    sort_key    varchar(1000) ${c_collate} not null,
    version     bigint       not null default 0
);
create index ix_admin_unit_path on admin_unit (path);
create index ix_admin_unit_parent on admin_unit (parent_id);
create index ix_admin_unit_code on admin_unit (code);
create index ix_admin_unit_level_sort on admin_unit (level, sort_key);
create index ix_admin_unit_search on admin_unit (search_key);

create table admin_unit_successor (
    predecessor_id bigint      not null references admin_unit (id),
    successor_id   bigint      not null references admin_unit (id),
    partial        boolean     not null default false,
    note           varchar(200),
    primary key (predecessor_id, successor_id)
);
create index ix_admin_unit_successor_succ on admin_unit_successor (successor_id);

create sequence organisation_seq start with 1 increment by 50;

create table organisation (
    id          bigint       not null primary key,
    name        varchar(300) not null,
    type        varchar(40)  not null,
    unit_id     bigint       not null references admin_unit (id),
    parent_id   bigint       references organisation (id),
    search_key  varchar(300) ${c_collate} not null,
    sort_key    varchar(1000) ${c_collate} not null,
    version     bigint       not null default 0
);
create index ix_organisation_unit on organisation (unit_id);
create index ix_organisation_parent on organisation (parent_id);
create index ix_organisation_sort on organisation (sort_key);
