-- Who counts as an attendee of each event, by PRODUCT.md's rule (a check-in whose registration, if any, is
-- confirmed; for an event without any check-in, a confirmed registration), kept as rows by the attendee module and
-- refreshed in the same transaction as every write that can change them, so that the KPIs read them instead of
-- applying the rule to a whole history on every call.
create table attendee (
    event_id     bigint                   not null references event (id),
    member_id    bigint                   not null references member (id),
    community_id bigint                   not null references community (id),
    starts_at    timestamp with time zone not null,
    primary key (event_id, member_id)
);
create index attendee_member_idx on attendee (member_id, starts_at);
create index attendee_community_idx on attendee (community_id, starts_at);

-- One row per counted event: the row its refreshes lock, one at a time; where the event was when its attendees were
-- last counted (a move changes every attendee's walk); and its seats, which depend on nothing but its own rows.
create table attendee_event (
    event_id     bigint                   primary key references event (id),
    community_id bigint                   not null references community (id),
    starts_at    timestamp with time zone not null,
    checked_in   boolean                  not null,
    confirmed    integer                  not null,
    no_shows     integer                  not null
);
create index attendee_event_community_idx on attendee_event (community_id, starts_at);

-- The row a refresh of a member's walks locks, so that two transactions never write one member's walks at once.
create table attendee_member (
    member_id bigint primary key references member (id)
);

-- Each non-staff member's attended events per scope (a community alone, or with its branches at any depth), in start
-- order (ties by event id), with the member's previous, the one before it and next attendance in that scope: a
-- newcomer has no previous one, the first attendance of a period has its previous one before the period, and a
-- return to the scope's previous event is a previous event equal to it.
create table attendee_walk (
    member_id          bigint                   not null references member (id),
    scope_id           bigint                   not null references community (id),
    branches           boolean                  not null,
    event_id           bigint                   not null references event (id),
    starts_at          timestamp with time zone not null,
    previous_event_id  bigint,
    previous_at        timestamp with time zone,
    before_previous_at timestamp with time zone,
    next_at            timestamp with time zone,
    primary key (member_id, scope_id, branches, event_id)
);
create index attendee_walk_period_idx on attendee_walk
    (scope_id, branches, starts_at, event_id, previous_event_id, previous_at, before_previous_at, next_at);
create index attendee_walk_event_idx on attendee_walk (event_id, scope_id, branches, previous_event_id);

-- Staff are few and left out of every participation count, so the KPIs look them up rather than filter them out.
create index member_staff_idx on member (staff, organization_id);

-- Whether the rows above have been built from the history once; an existing installation builds them at startup.
create table attendee_state (
    id    integer primary key,
    built boolean not null
);
insert into attendee_state (id, built) select 1, not exists (select 1 from event);
