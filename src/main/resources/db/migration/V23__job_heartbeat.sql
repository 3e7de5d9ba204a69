-- A job names the node that runs it (which beats heartbeat_at every few seconds while the job is
-- queued or running there); the sweep of jobs whose node died looks them up by state and heartbeat.
alter table import_job add column runner varchar(100);
create index ix_import_job_live on import_job (state, heartbeat_at);
