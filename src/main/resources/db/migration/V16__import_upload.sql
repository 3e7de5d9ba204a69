-- A file sent for import, kept between its preview and the user's confirmation (any node can confirm),
-- with the workbook of rejected rows of the last run.
create table import_upload (
    id          varchar(36)  not null primary key,
    user_id     bigint       not null,
    file_name   varchar(255) not null,
    import_year integer,
    content     bytea        not null,
    rejected    bytea      ,
    created_at  timestamp    not null
);
create index ix_import_upload_user on import_upload (user_id, created_at);
