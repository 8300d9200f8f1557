-- Every job belongs to the client that created it: only that client can see, fetch, cancel or delete
-- it, and idempotency keys are per client. SQLite's spelling of postgresql/V2__job_owner.sql: it
-- cannot drop a column's default, which is harmless, as every insert names the owner.

alter table forecast_job add column owner varchar(128) default 'default' not null;

drop index forecast_job_idempotency_key;
create unique index forecast_job_owner_idempotency_key on forecast_job (owner, idempotency_key);
create index forecast_job_owner_created on forecast_job (owner, created_at, id);
create index forecast_job_owner_status on forecast_job (owner, status);
