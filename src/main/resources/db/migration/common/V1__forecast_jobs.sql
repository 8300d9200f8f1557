-- Forecast jobs: one row per job, its input cut into chunks (the unit of work, retry and progress),
-- and its results. Written for H2 (embedded default) and PostgreSQL alike.
-- Rows carry no foreign key: a 50,000 x 365 job stores 18 M of them, written in bulk and deleted by job.

create table forecast_job (
    id              uuid primary key,
    status          varchar(16)   not null,
    created_at      timestamp with time zone not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone,
    product_count   integer       not null,
    row_count       bigint        not null,
    chunk_count     integer       not null,
    chunks_done     integer       not null,
    products_done   integer       not null,
    settings        varchar(4000) not null,
    idempotency_key varchar(255),
    request_hash    varchar(64),
    problem         varchar(4000)
);
create unique index forecast_job_idempotency_key on forecast_job (idempotency_key);
create index forecast_job_created on forecast_job (created_at, id);
create index forecast_job_finished on forecast_job (finished_at);

create table forecast_chunk (
    job_id        uuid        not null references forecast_job (id) on delete cascade,
    chunk_no      integer     not null,
    first_product integer     not null,
    product_count integer     not null,
    input         bytea       not null,
    state         varchar(16) not null,
    attempts      integer     not null,
    lease_owner   varchar(64),
    lease_until   timestamp with time zone,
    primary key (job_id, chunk_no)
);
create index forecast_chunk_claimable on forecast_chunk (state, lease_until);

create table forecast_summary (
    job_id         uuid             not null,
    product_no     integer          not null,
    product_id     varchar(128)     not null,
    stockout_date  date,
    min_level      double precision not null,
    ending_level   double precision not null,
    primary key (job_id, product_no)
);
create index forecast_summary_product on forecast_summary (job_id, product_id);

create table forecast_row (
    job_id          uuid             not null,
    product_no      integer          not null,
    period          integer          not null,
    product_id      varchar(128)     not null,
    update_date     date             not null,
    inventory_level double precision not null,
    sales           double precision not null,
    restocking      double precision not null,
    primary key (job_id, product_no, period)
);
