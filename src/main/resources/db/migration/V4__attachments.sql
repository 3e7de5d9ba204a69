-- Photos and documents of an initiative. Files live in the storage (disk by default) under a random
-- key; the name the user gave is kept, cleaned, for display and download only.
create sequence attachment_seq start with 1 increment by 50;

create table attachment (
    id            bigint       not null primary key,
    initiative_id bigint       not null references initiative (id),
    kind          varchar(10)  not null,
    file_name     varchar(150) not null,
    content_type  varchar(120) not null,
    size_bytes    bigint       not null,
    storage_key   varchar(80)  not null,
    thumbnail_key varchar(80),
    caption       varchar(300),
    uploaded_at   timestamp with time zone not null,
    uploaded_by   varchar(60)
);
create index ix_attachment_initiative on attachment (initiative_id);
