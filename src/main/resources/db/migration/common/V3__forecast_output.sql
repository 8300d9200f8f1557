-- Jobs beyond the default forecast (lost sales, reorder policies, the probabilistic forecast) and
-- every job's portfolio totals. A job's scenario is null for SPEC.md's default forecast, whose rows
-- and summaries keep their typed tables. Other answers are stored as blocks of recorded records:
-- one block per product for rows and summaries (block_no = product_no), one per chunk for the
-- totals' partial sums (block_no = chunk_no), merged in order when they are read.

alter table forecast_job add column scenario varchar(255);

create table forecast_output (
    job_id       uuid        not null,
    section      varchar(8)  not null,
    block_no     integer     not null,
    product_id   varchar(128),
    record_count integer     not null,
    payload      bytea       not null,
    primary key (job_id, section, block_no)
);
create index forecast_output_product on forecast_output (job_id, section, product_id);
