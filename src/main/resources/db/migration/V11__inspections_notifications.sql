-- Inspection and urging visits (kiểm tra, đôn đốc) with their follow-up tasks.
create sequence inspection_seq start with 1 increment by 50;
create table inspection (
    id            bigint         not null primary key,
    unit_id       bigint         not null references admin_unit (id),
    initiative_id bigint         references initiative (id) on delete cascade,
    kind          varchar(20)    not null,
    visited_on    date           not null,
    inspectors    varchar(500)   not null,
    findings      varchar(4000)  not null,
    created_by    varchar(100)   not null,
    created_at    timestamp with time zone not null,
    version       bigint         not null default 0
);
create index ix_inspection_unit on inspection (unit_id, visited_on);
create index ix_inspection_initiative on inspection (initiative_id);

create sequence follow_up_seq start with 1 increment by 50;
create table follow_up (
    id            bigint         not null primary key,
    inspection_id bigint         not null references inspection (id) on delete cascade,
    task          varchar(1000)  not null,
    assignee      varchar(300),
    due_on        date           not null,
    done_on       date,
    done_by       varchar(100)
);
create index ix_follow_up_open on follow_up (done_on, due_on);

-- What awaits whom: registrations by workflow state (few are in the states a to-do list asks for).
create index ix_registration_workflow_state on registration (workflow_state, province_id);

-- In-app notifications of workflow steps, per user.
create sequence notification_seq start with 1 increment by 50;
create table notification (
    id         bigint         not null primary key,
    username   varchar(100)   not null,
    message    varchar(1000)  not null,
    link       varchar(300),
    created_at timestamp with time zone not null,
    read_at    timestamp with time zone
);
create index ix_notification_user on notification (username, read_at, created_at);

alter table user_account add column email varchar(200);
