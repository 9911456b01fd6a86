-- The 受付番号 (reception number): 1, 2, 3 … per event in the order people registered, as connpass numbers them, so
-- that the door and the registrant speak of a short number rather than a database id. A re-application keeps its row
-- and so its number; numbers are never reused within an event.
alter table registration add column reception_number integer;

-- Per event: the last reception number given (taken and raised under the row's lock, so that registrations for
-- different frames of one event, on any instance, never share a number), and whether the event's registrations came
-- from an import of a past event (its staff pages then offer none of the live event's controls).
create table event_reception (
    event_id         bigint   primary key references event (id),
    last_number      integer  not null,
    imported         boolean  not null
);

update registration set reception_number = (
    select count(*) from registration earlier
    where earlier.event_id = registration.event_id and earlier.id <= registration.id);

insert into event_reception (event_id, last_number, imported)
select r.event_id, max(r.reception_number), false from registration r group by r.event_id;

update event_reception set imported = true
where exists (select 1 from history_import h where h.event_id = event_reception.event_id);

alter table registration add constraint registration_reception_number_unique unique (event_id, reception_number);
