-- Emails queued from a template are rendered when they are sent, not inside the transaction that promises them: a
-- registration holds its frame's lock until it commits, and rendering there made every other registrant wait.
-- The model keeps what was true when the email was promised; subject and bodies are written on the first attempt.
alter table notification_outbox add column template varchar(200);
alter table notification_outbox add column model varchar(100000);
alter table notification_outbox alter column subject drop not null;
alter table notification_outbox alter column text_body drop not null;
