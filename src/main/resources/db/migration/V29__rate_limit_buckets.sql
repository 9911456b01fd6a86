-- The token buckets of rate limits and sign-in throttles (platform.limits, through Bucket4j), shared by every instance.
-- One row per limit and subject; the subject (an address, an email, an account) is kept only as a hash. A row expires
-- once its bucket would be full again and is then deleted by the cleanup task.
create table rate_limit_bucket (
    id         varchar(100) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expiry_idx on rate_limit_bucket (expires_at);
