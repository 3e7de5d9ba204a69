-- How an organisation heads and signs the documents it issues (issue 17): the lines of the issuing
-- body, the organ part of its number symbol (BDVHU in "24-BC/BDVHU"), the place of its date line, the
-- signer and the usual recipients (one a line). Without a row, defaults come from the organisation.
create table document_settings (
    organisation_id  bigint        not null primary key references organisation (id),
    style            varchar(10)   not null,
    superior_organ   varchar(200),
    organ            varchar(200)  not null,
    symbol           varchar(40),
    place            varchar(100),
    signer_capacity  varchar(200),
    signer_title     varchar(200),
    signer_name      varchar(100),
    recipients       varchar(2000),
    version          bigint        not null default 0,
    updated_by       varchar(60),
    updated_at       timestamp with time zone not null
);
