-- Passkeys (WebAuthn) of staff accounts, kept through Spring Security's repositories. Owned by the identity module.
-- Binary values (handles, credential ids, keys) are stored as base64url text, which both databases index alike.

-- The WebAuthn user handle of an account: random, so an authenticator never learns the account id or the email.
create table staff_passkey_user (
    account_id   bigint       not null primary key references staff_account (id),
    user_handle  varchar(100) not null,
    constraint staff_passkey_user_handle_unique unique (user_handle)
);

-- One passkey: its public key and what the authenticator said when it was registered (needed to check each
-- signature), the signature counter, and the name its owner gave it.
create table staff_passkey (
    credential_id       varchar(1400)  not null primary key,
    account_id          bigint         not null references staff_account (id),
    label               varchar(100)   not null,
    credential_type     varchar(40)    not null,
    public_key          varchar(4000)  not null,
    signature_count     bigint         not null,
    uv_initialized      boolean        not null,
    backup_eligible     boolean        not null,
    backup_state        boolean        not null,
    transports          varchar(200)   not null,
    attestation_object  varchar(16000) not null,
    client_data_json    varchar(4000)  not null,
    created_at          timestamp with time zone not null,
    last_used_at        timestamp with time zone not null
);
create index staff_passkey_account on staff_passkey (account_id);
