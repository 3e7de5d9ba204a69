-- Imports and large exports run as jobs: their progress and outcome live here, so a page reloaded (or
-- served by another node) still shows them, and a job can be cancelled.
create table import_job (
    id               varchar(36)  not null primary key,
    user_id          bigint       not null,
    kind             varchar(20)  not null,
    upload_id        varchar(36),
    file_name        varchar(255),
    state            varchar(12)  not null,
    done             bigint       not null default 0,
    total            bigint       not null default 0,
    cancel_requested boolean      not null default false,
    result           text,
    error            text,
    file             bytea,
    created_at       timestamp    not null,
    heartbeat_at     timestamp    not null,
    finished_at      timestamp
);
create index ix_import_job_user on import_job (user_id, created_at);
