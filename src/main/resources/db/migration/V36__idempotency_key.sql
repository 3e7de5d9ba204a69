-- The answers to writes sent with an Idempotency-Key (API.md), kept per user for at least 7 days: a retry of the
-- same request (an offline phone whose first answer was lost) is answered again from here and writes nothing.
-- state RUNNING from the moment the first request is accepted until its answer is kept (or it failed and the row
-- is deleted), so a retry arriving meanwhile is refused instead of written a second time.
create table idempotency_key (
    user_id      bigint        not null,
    idem_key     varchar(200)  not null,
    request_hash varchar(64)   not null,
    state        varchar(10)   not null,
    status       integer,
    content_type varchar(200),
    location     varchar(1000),
    body         bytea,
    created_at   timestamp     not null,
    constraint pk_idempotency_key primary key (user_id, idem_key)
);
create index ix_idempotency_key_created on idempotency_key (created_at);
