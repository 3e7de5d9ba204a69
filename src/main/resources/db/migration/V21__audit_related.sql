-- Objects an audit entry concerns besides its own: the initiatives a batch import created or changed,
-- so an initiative's history shows the import (file, who, when) that wrote it.
create table audit_related (
    seq         bigint       not null references audit_entry (seq),
    object_type varchar(40)  not null,
    object_id   varchar(100) not null,
    constraint pk_audit_related primary key (object_type, object_id, seq)
);
