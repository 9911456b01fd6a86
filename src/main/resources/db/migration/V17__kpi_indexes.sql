-- The KPI queries look up each period participant's earlier check-ins by member, and whether a check-in's
-- registration is anything but confirmed; both are answered from the index alone. The member-only index is a prefix
-- of the new one.
create index attendance_member_event_idx on attendance (member_id, event_id);
drop index attendance_member_idx;
create index registration_event_member_status_idx on registration (event_id, member_id, status);
