-- The workflow of an initiative-year: its rating and score once evaluated, and every step it took.
alter table registration add column rating varchar(20);
alter table registration add column score numeric(7, 2);
create index ix_registration_state on registration (province_id, reg_year, workflow_state);

create sequence registration_step_seq start with 1 increment by 50;
create table registration_step (
    id              bigint        not null primary key,
    registration_id bigint        not null references registration (id) on delete cascade,
    initiative_id   bigint        not null,
    reg_year        integer       not null,
    step            varchar(20)   not null,
    from_state      varchar(20)   not null,
    to_state        varchar(20)   not null,
    actor           varchar(100)  not null,
    taken_at        timestamp with time zone not null,
    reason          varchar(2000),
    rating          varchar(20),
    score           numeric(7, 2),
    decision_id     bigint,
    document        varchar(500)
);
create index ix_registration_step_initiative on registration_step (initiative_id, taken_at);

-- Decisions (quyết định): recognition by a standing committee, commendation by an authority.
create sequence decision_seq start with 1 increment by 50;
create table decision (
    id            bigint        not null primary key,
    kind          varchar(20)   not null,
    number        varchar(60)   not null,
    issued_on     date          not null,
    issuing_body  varchar(300)  not null,
    unit_id       bigint        references admin_unit (id),
    file_key      varchar(300),
    file_name     varchar(300),
    file_type     varchar(100),
    created_by    varchar(100)  not null,
    created_at    timestamp with time zone not null,
    version       bigint        not null default 0
);
create index ix_decision_unit on decision (unit_id, issued_on);

-- Commendation proposals (đề nghị khen thưởng) and the collectives and individuals they list.
create sequence commendation_proposal_seq start with 1 increment by 50;
create table commendation_proposal (
    id              bigint        not null primary key,
    unit_id         bigint        not null references admin_unit (id),
    reg_year        integer       not null,
    number          varchar(60),
    proposed_on     date          not null,
    proposing_body  varchar(300)  not null,
    authority       varchar(300)  not null,
    state           varchar(20)   not null,
    decision_id     bigint        references decision (id),
    created_by      varchar(100)  not null,
    created_at      timestamp with time zone not null,
    version         bigint        not null default 0
);
create index ix_commendation_proposal_unit on commendation_proposal (unit_id, reg_year);

create sequence commendation_item_seq start with 1 increment by 50;
create table commendation_item (
    id             bigint        not null primary key,
    proposal_id    bigint        not null references commendation_proposal (id) on delete cascade,
    initiative_id  bigint        not null references initiative (id),
    award          varchar(40)   not null,
    achievement    varchar(2000),
    commended      boolean,
    constraint ux_commendation_item unique (proposal_id, initiative_id)
);
create index ix_commendation_item_initiative on commendation_item (initiative_id);
