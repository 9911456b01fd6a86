-- The reference over the kept attendee rows (the attendee module's attendee_walk, as the application reads them): the
-- same numbers as reference.sql, in the same shape, by hand-written PostgreSQL. Variables as in reference.sql.
-- Statement 1: each event of the period with its attendees and returning-from-previous.
-- Statement 2: newcomers per event (newcomers_at; 0 for the rest, the row without it is the total), participants,
-- repeaters and the cohort returns.
with recursive tree (id) as (
  select :root::bigint
  union all
  select c.id from community c join tree t on c.parent_id = t.id where :branches
),
pe as (
  select e.id, e.starts_at, lag(e.id) over (order by e.starts_at, e.id) as previous_id
  from event e
  where e.community_id in (select id from tree) and e.starts_at < to_timestamp(:to)
    and e.starts_at >= coalesce((select max(starts_at) from event where community_id in (select id from tree)
                                 and starts_at < to_timestamp(:from)), to_timestamp(:from))
)
select w.event_id, count(*) as attendees, count(*) filter (where w.previous_event_id = pe.previous_id) as returning
from attendee_walk w
join pe on pe.id = w.event_id
where w.scope_id = :root and w.branches = :branches
  and w.starts_at >= to_timestamp(:from) and w.starts_at < to_timestamp(:to)
group by w.event_id;

select coalesce(case when previous_at is null then event_id end, 0) as newcomers_at,
       count(*) filter (where previous_at is null or previous_at < to_timestamp(:from)) as participants,
       count(*) filter (where previous_at >= to_timestamp(:from)
                          and (before_previous_at is null or before_previous_at < to_timestamp(:from))) as repeaters,
       count(*) filter (where previous_at is null and next_at <= starts_at + interval '1 month') as back_in_1,
       count(*) filter (where previous_at is null and next_at <= starts_at + interval '3 months') as back_in_3,
       count(*) filter (where previous_at is null and next_at <= starts_at + interval '6 months') as back_in_6,
       count(*) filter (where previous_at is null and next_at <= starts_at + interval '12 months') as back_in_12
from attendee_walk
where scope_id = :root and branches = :branches
  and starts_at >= to_timestamp(:from) and starts_at < to_timestamp(:to)
group by grouping sets ((1), ());
