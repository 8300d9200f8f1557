-- Each client's rate-limit bucket, shared by every instance on this database (Bucket4j's
-- select-for-update layout: its serialized state, and when the row may go, in epoch milliseconds,
-- once the bucket has filled up again and stayed unused for stockcast.security.rate-limit.idle-after).
-- Only PostgreSQL has it: the embedded SQLite default keeps its buckets in memory, one instance there.

create table rate_limit_bucket (
    id         varchar(128) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);
