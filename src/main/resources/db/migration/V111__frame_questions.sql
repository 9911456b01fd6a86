-- A question may belong to one frame: only those registering for it are asked (the LT frame asks the talk title).
-- No foreign key: frames belong to the event module, and a frame closed later leaves its question asked of nobody.
alter table registration_question add column frame_id bigint;
-- The answers are talk titles that feed the event's agenda draft (one lightning talk per confirmed registrant).
alter table registration_question add column feeds_agenda boolean default false not null;
