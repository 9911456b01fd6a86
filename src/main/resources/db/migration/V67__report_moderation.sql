-- Reports that registrants and members submit wait for staff before the public event page lists them or a KPI counts
-- them; a link made by staff, the linking rules or the agenda never waits. Rejecting a report unlinks it.
alter table output_link add column awaiting_review boolean default false not null;

-- An organization may let a report appear once its author's attendance is confirmed, without waiting for staff.
create table output_report_policy (
    organization_id        bigint   not null primary key references organization (id),
    publish_on_attendance  boolean  not null
);
