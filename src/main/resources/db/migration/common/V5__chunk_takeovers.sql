-- How many times a chunk was claimed again because its worker's lease ran out (the process died, or
-- stalled longer than the lease), so that a chunk that kills the process every time is not tried for
-- ever (stockcast.jobs.max-takeovers). Not attempts: those count only failures a worker saw.
alter table forecast_chunk add column takeovers integer not null default 0;
