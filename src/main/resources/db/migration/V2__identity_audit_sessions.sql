-- Users, their API tokens, the audit trail and the shared HTTP session store.
create sequence user_account_seq start with 1 increment by 50;

create table user_account (
    id                   bigint       not null primary key,
    username             varchar(60)  not null,
    display_name         varchar(200) not null,
    password_hash        varchar(200) not null,
    organisation_id      bigint       references organisation (id),
    unit_id              bigint       references admin_unit (id),
    roles                varchar(200) not null,
    enabled              boolean      not null default true,
    failed_attempts      integer      not null default 0,
    locked_until         timestamp with time zone,
    must_change_password boolean      not null default false,
    password_changed_at  timestamp with time zone not null,
    created_at           timestamp with time zone not null,
    version              bigint       not null default 0
);
create unique index ux_user_account_username on user_account (username);
create index ix_user_account_unit on user_account (unit_id);

create sequence api_token_seq start with 1 increment by 50;

create table api_token (
    id           bigint       not null primary key,
    user_id      bigint       not null references user_account (id),
    name         varchar(100) not null,
    token_hash   varchar(64)  not null,
    token_prefix varchar(16)  not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);
create unique index ux_api_token_hash on api_token (token_hash);
create index ix_api_token_user on api_token (user_id);

-- Append-only, each entry chained to the one before by a SHA-256 hash; audit_head is the single row
-- that writers lock to append in order, from however many nodes.
create table audit_entry (
    seq          bigint        not null primary key,
    at           timestamp with time zone not null,
    actor        varchar(60),
    ip           varchar(64),
    action       varchar(30)   not null,
    object_type  varchar(40),
    object_id    varchar(60),
    unit_id      bigint,
    unit_path    varchar(400) ${c_collate},
    summary      varchar(500),
    changes      varchar(8000),
    prev_hash    varchar(64)   not null,
    hash         varchar(64)   not null
);
create index ix_audit_entry_at on audit_entry (at);
create index ix_audit_entry_unit_path on audit_entry (unit_path);
create index ix_audit_entry_actor on audit_entry (actor);

create table audit_head (
    id        integer     not null primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Spring Session JDBC: sessions live in the database, so every web node serves every user.
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
