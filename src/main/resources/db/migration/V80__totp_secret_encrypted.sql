-- The TOTP secret is now kept encrypted (AES-GCM, key from FIRSTPIN_SECRETS_KEY or the data directory): its text is
-- longer than the plain Base32 secret. Rows written before are encrypted in place when the application starts.
alter table staff_totp alter column secret set data type varchar(200);
