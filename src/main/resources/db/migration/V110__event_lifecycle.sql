-- Where an event stands: DRAFT (staff only), PUBLISHED, HIDDEN (off public pages, registrations kept), CANCELLED (中止)
-- or POSTPONED (延期). Every event before this was published when it was created.
alter table event add column status varchar(16) default 'PUBLISHED' not null;
-- When the event was first published: its community's followers hear of it once, however often it is hidden and shown.
alter table event add column published_at timestamp with time zone;
-- A postponed event whose new date is not decided yet (延期・日程未定).
alter table event add column date_undecided boolean default false not null;
update event set published_at = created_at;
