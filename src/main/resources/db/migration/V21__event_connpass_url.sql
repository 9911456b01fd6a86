-- The event's own page on connpass, where it was published or imported from: a post that links it reports on the event.
alter table event add column connpass_url varchar(2000);
