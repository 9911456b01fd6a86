-- The reference over the kept attendee rows (the attendee module's attendee_walk, as the application reads them): the
-- same numbers as reference.sql by hand-written PostgreSQL, in one statement and one pass over the period's rows:
-- per event of the period its attendees, newcomers, returning-from-previous (counted through the walks' index by
-- event), the attendances that are a member's first or second in the period (which add up to participants and
-- repeaters), and the newcomers back within 1, 3, 6 and 12 months. Variables as in reference.sql; like it, the order
-- of events that decides each one's previous event leaves sub-events out (:own).
with recursive tree (id) as (
  select :root::bigint
  union all
  select c.id from community c join tree t on c.parent_id = t.id where :branches
),
pe as (
  select e.id, lag(e.id) over (order by e.starts_at, e.id) as previous_id
  from event e
  where e.community_id in (select id from tree) and e.starts_at < to_timestamp(:to) and :own
    and e.starts_at >= coalesce((select max(starts_at) from event where community_id in (select id from tree)
                                 and starts_at < to_timestamp(:from) and :own), to_timestamp(:from))
),
per_event as (
  select event_id, count(*) as attendees,
         count(*) filter (where previous_at is null) as newcomers,
         count(*) filter (where previous_at is null or previous_at < to_timestamp(:from)) as first_in_period,
         count(*) filter (where previous_at >= to_timestamp(:from)
                            and (before_previous_at is null or before_previous_at < to_timestamp(:from))) as second_in_period,
         count(*) filter (where previous_at is null and next_at <= starts_at + interval '1 month') as back_in_1,
         count(*) filter (where previous_at is null and next_at <= starts_at + interval '3 months') as back_in_3,
         count(*) filter (where previous_at is null and next_at <= starts_at + interval '6 months') as back_in_6,
         count(*) filter (where previous_at is null and next_at <= starts_at + interval '12 months') as back_in_12
  from attendee_walk
  where scope_id = :root and branches = :branches
    and starts_at >= to_timestamp(:from) and starts_at < to_timestamp(:to)
  group by event_id
)
select p.event_id, p.attendees, p.newcomers,
       (select count(*) from attendee_walk r where r.event_id = p.event_id and r.scope_id = :root
          and r.branches = :branches and r.previous_event_id = pe.previous_id) as returning,
       p.first_in_period, p.second_in_period, p.back_in_1, p.back_in_3, p.back_in_6, p.back_in_12
from per_event p join pe on pe.id = p.event_id;
