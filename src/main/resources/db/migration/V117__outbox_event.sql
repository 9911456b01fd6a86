-- The event an email is about (a confirmation, reminder, survey, nudge, message to registrants), so staff can see what
-- went to whom for one event. No foreign key: the outbox belongs to the notification module, which knows no events,
-- and an email outlives the draft it was about.
alter table notification_outbox add column event_id bigint;
create index notification_outbox_event_idx on notification_outbox (event_id, created_at);
