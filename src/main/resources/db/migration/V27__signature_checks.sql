-- Issue 17 (4): the check of the digital signatures (ký số) of a decision's PDF, made when it is uploaded.
-- signature_status: UNSIGNED, VALID, ALTERED, INVALID, UNREADABLE; null for an image or no file.
alter table decision add column signature_status varchar(20);
alter table decision add column signature_checked_at timestamp with time zone;

create table decision_signature (
    decision_id                 bigint        not null references decision (id) on delete cascade,
    signature_index             integer       not null,
    common_name                 varchar(400),
    organisation                varchar(400),
    subject                     varchar(2000),
    issuer                      varchar(2000),
    serial_number               varchar(100),
    signed_at                   timestamp with time zone,
    time_signed                 boolean       not null,
    covers_whole_file           boolean       not null,
    unchanged                   boolean       not null,
    signature_valid             boolean       not null,
    certificate_valid           boolean,
    chain                       varchar(8000),
    trust                       varchar(20)   not null,
    problem                     varchar(100),
    primary key (decision_id, signature_index)
);
