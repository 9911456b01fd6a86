-- When an event takes registrations; null opens at once and closes when the event ends.
alter table event add column registration_opens_at timestamp with time zone;
alter table event add column registration_closes_at timestamp with time zone;

alter table registration add column cancelled_at timestamp with time zone;
-- The registrant's language, for the emails about this registration.
alter table registration add column locale varchar(10);
create unique index registration_manage_token_idx on registration (manage_token_hash);
create index registration_waitlist_idx on registration (frame_id, status, waitlist_position);
