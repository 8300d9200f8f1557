-- Every job belongs to the client that created it: only that client can see, fetch, cancel or delete
-- it, and idempotency keys are per client. Jobs from before authentication go to client 'default',
-- the client of the embedded default's first API key.

alter table forecast_job add column owner varchar(128) default 'default' not null;
alter table forecast_job alter column owner drop default;

drop index forecast_job_idempotency_key;
create unique index forecast_job_owner_idempotency_key on forecast_job (owner, idempotency_key);
create index forecast_job_owner_created on forecast_job (owner, created_at, id);
create index forecast_job_owner_status on forecast_job (owner, status);
