-- A job's plan is stored in the sections 'orders' and 'exceptions' (docs/jobs.md); the second is longer
-- than the 8 characters the results' sections had. Raising a varchar's limit rewrites no rows. SQLite
-- does not enforce a varchar's length, so its migrations need no such step.
alter table forecast_output alter column section type varchar(16);
