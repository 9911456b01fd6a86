-- The reference for benchmarks/kpi/run.sh: the KPI numbers of one scope and period by hand-written PostgreSQL.
-- Variables: root (community id), branches (true: with its branches at any depth), from and to (epoch seconds), own
-- (the condition of an event counted on its own: a sub-event, such as the after-party under its study session, counts in
-- no KPI; `true` for a database from before sub-events).
-- Attendees of an event: checked-in members whose registration, if any, is confirmed; for an event without check-ins,
-- its confirmed registrants; staff left out.
-- Statement 1: each event of the period with its attendees and returning-from-previous (the event before the period
-- is read too, for the first one's returns).
-- Statement 2: the period's participants, those who attended no event of the scope before the period counted as
-- newcomers at their first event (newcomers_at = that event; 0 for the others, the row without it is the total), with
-- repeaters and the cohort returns (second event within 1, 3, 6, 12 months), looking 12 months past the period.
with recursive tree (id) as (
  select :root::bigint
  union all
  select c.id from community c join tree t on c.parent_id = t.id where :branches
),
pe as (
  select e.id, e.starts_at, row_number() over (order by e.starts_at, e.id) as seq,
         exists (select 1 from attendance x where x.event_id = e.id) as checked_in
  from event e
  where e.community_id in (select id from tree) and e.starts_at < to_timestamp(:to) and :own
    and e.starts_at >= (select max(starts_at) from event where community_id in (select id from tree) and starts_at < to_timestamp(:from) and :own)
),
pa as (
  select a.member_id, p.seq, p.starts_at, a.event_id
  from pe p
  join attendance a on a.event_id = p.id
  where a.member_id not in (select id from member where staff)
    and not exists (select 1 from registration r where r.event_id = a.event_id and r.member_id = a.member_id and r.status <> 'CONFIRMED')
  union all
  select r.member_id, p.seq, p.starts_at, r.event_id
  from pe p
  join registration r on r.event_id = p.id and r.status = 'CONFIRMED'
  where not p.checked_in and r.member_id not in (select id from member where staff)
)
select p.event_id, count(*) as attendees, count(q.member_id) as returning_from_previous
from pa p
left join pa q on q.member_id = p.member_id and q.seq = p.seq - 1
where p.starts_at >= to_timestamp(:from)
group by p.event_id;

with recursive tree (id) as (
  select :root::bigint
  union all
  select c.id from community c join tree t on c.parent_id = t.id where :branches
),
pe as (
  select e.id, e.starts_at, row_number() over (order by e.starts_at, e.id) as seq,
         exists (select 1 from attendance x where x.event_id = e.id) as checked_in
  from event e
  where e.community_id in (select id from tree) and e.starts_at >= to_timestamp(:from) and :own
    and e.starts_at < to_timestamp(:to) + interval '12 months'
),
pa as (
  select a.member_id, p.seq, p.starts_at, a.event_id
  from pe p
  join attendance a on a.event_id = p.id
  where a.member_id not in (select id from member where staff)
    and not exists (select 1 from registration r where r.event_id = a.event_id and r.member_id = a.member_id and r.status <> 'CONFIRMED')
  union all
  select r.member_id, p.seq, p.starts_at, r.event_id
  from pe p
  join registration r on r.event_id = p.id and r.status = 'CONFIRMED'
  where not p.checked_in and r.member_id not in (select id from member where staff)
),
firsts as (
  select member_id, min(seq) as first_seq, count(*) filter (where starts_at < to_timestamp(:to)) as in_period
  from pa group by member_id having count(*) filter (where starts_at < to_timestamp(:to)) > 0
),
participant as (
  select f.member_id, f.in_period, min(p.event_id) filter (where p.seq = f.first_seq) as first_event,
         min(p.starts_at) as first_at, min(p.starts_at) filter (where p.seq > f.first_seq) as second_at,
         exists (select 1 from attendance a
                 where a.member_id = f.member_id
                   and a.event_id in (select id from event where community_id in (select id from tree) and starts_at < to_timestamp(:from) and :own)
                   and not exists (select 1 from registration r where r.event_id = a.event_id and r.member_id = a.member_id and r.status <> 'CONFIRMED'))
         or exists (select 1 from registration r
                 where r.member_id = f.member_id and r.status = 'CONFIRMED'
                   and r.event_id in (select id from event e where community_id in (select id from tree) and starts_at < to_timestamp(:from) and :own
                                      and not exists (select 1 from attendance x where x.event_id = e.id))) as old
  from firsts f join pa p on p.member_id = f.member_id
  group by f.member_id, f.in_period
)
select coalesce(case when not old then first_event end, 0) as newcomers_at, count(*) as participants,
       count(*) filter (where in_period >= 2) as repeaters,
       count(*) filter (where not old and second_at <= first_at + interval '1 month') as back_in_1,
       count(*) filter (where not old and second_at <= first_at + interval '3 months') as back_in_3,
       count(*) filter (where not old and second_at <= first_at + interval '6 months') as back_in_6,
       count(*) filter (where not old and second_at <= first_at + interval '12 months') as back_in_12
from participant
group by grouping sets ((1), ());
