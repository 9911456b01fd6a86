-- Two-factor sign-in with a time-based one-time code (TOTP, RFC 6238). The shared secret must be readable to check a
-- code, so it is kept as is; last_used_step keeps a code from being used twice. Owned by the identity module.
create table staff_totp (
    account_id      bigint      not null primary key references staff_account (id),
    secret          varchar(64) not null,
    created_at      timestamp with time zone not null,
    confirmed_at    timestamp with time zone,
    last_used_step  bigint
);

-- An organization that requires its admins to sign in with a second factor. Owned by the identity module.
create table two_factor_policy (
    organization_id     bigint  not null primary key references organization (id),
    require_for_admins  boolean not null
);
