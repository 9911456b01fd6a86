-- A sub-event (サブイベント) such as the after-party (懇親会) of a study session: its own frames and waitlists, open
-- only to people confirmed for the parent. One level only: a sub-event has no sub-events of its own.
alter table event add column parent_event_id bigint references event (id);
create index event_parent_idx on event (parent_event_id);
